package io.usermeta.core;

/**
 * One attribute as stored: a typed key/value pair and the source it belongs to.
 *
 * @param key the attribute key, case-sensitive
 * @param value the value exactly as it was posted
 * @param type the value's type
 * @param source the source whose set holds the attribute
 */
public record StoredAttribute(String key, String value, ValueType type, String source) {}
