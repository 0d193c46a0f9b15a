-- Customers and their license keys. Keys are stored only as a salted SHA-256 hash.
CREATE TABLE customer (
    customer_id VARCHAR(64)  NOT NULL,
    key_salt    VARCHAR(64)  NOT NULL,
    key_hash    VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    key_set_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_customer PRIMARY KEY (customer_id)
);

-- One row per known user of a customer. Every write to a user locks this row first, so writes to
-- one user are serialized whatever their sources, and an opt-out is a single delete here plus the
-- user's attributes.
CREATE TABLE user_profile (
    customer_id VARCHAR(64)  NOT NULL,
    user_id     VARCHAR(512) NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_user_profile PRIMARY KEY (customer_id, user_id)
);

-- The attribute sets, one row per attribute. The key leads with customer and user, so reading
-- 1,000 users or replacing one user/source set touches only the index ranges of those users.
-- position keeps the posted order; a set is always written as positions 0..n-1, so two writers of
-- one set collide on position 0 and can never interleave their rows.
CREATE TABLE user_attribute (
    customer_id VARCHAR(64)     NOT NULL,
    user_id     VARCHAR(512)    NOT NULL,
    source      VARCHAR(64)     NOT NULL,
    position    INTEGER         NOT NULL,
    attr_key    VARCHAR(128)    NOT NULL,
    attr_type   VARCHAR(8)      NOT NULL,
    attr_value  VARCHAR(262144) NOT NULL,
    CONSTRAINT pk_user_attribute PRIMARY KEY (customer_id, user_id, source, position)
);
