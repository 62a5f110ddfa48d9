-- +goose Up
-- The same tables as the sqlite store (see sqlite/migrations): one row per
-- list version; each distinct entity JSON once, by sha256; links in file order.
CREATE TABLE list_versions (
    source      text        NOT NULL,
    version     bigint      NOT NULL,
    hash        text        NOT NULL,
    origin      text        NOT NULL,
    format      text        NOT NULL,
    published   text        NOT NULL DEFAULT '',
    imported_at timestamptz NOT NULL,
    entities    integer     NOT NULL,
    by_schema   jsonb       NOT NULL,
    problems    integer     NOT NULL,
    PRIMARY KEY (source, version),
    UNIQUE (source, hash)
);

-- bytea, not jsonb: the diff compares the stored bytes field by field, and
-- jsonb would reorder them.
CREATE TABLE entity_blobs (
    id   bigserial PRIMARY KEY,
    hash text  NOT NULL UNIQUE,
    data bytea NOT NULL
);

CREATE TABLE version_entities (
    source    text    NOT NULL,
    version   bigint  NOT NULL,
    pos       integer NOT NULL,
    entity_id text    NOT NULL,
    blob_id   bigint  NOT NULL REFERENCES entity_blobs (id),
    PRIMARY KEY (source, version, pos),
    UNIQUE (source, version, entity_id),
    FOREIGN KEY (source, version) REFERENCES list_versions (source, version)
);
CREATE INDEX version_entities_entity ON version_entities (entity_id);

CREATE TABLE fetch_state (
    source        text NOT NULL,
    url           text NOT NULL,
    etag          text NOT NULL DEFAULT '',
    last_modified text NOT NULL DEFAULT '',
    PRIMARY KEY (source, url)
);

-- +goose Down
DROP TABLE fetch_state;
DROP TABLE version_entities;
DROP TABLE entity_blobs;
DROP TABLE list_versions;
