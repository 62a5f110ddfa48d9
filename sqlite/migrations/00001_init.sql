-- +goose Up
-- One row per imported version of a list. published is embargo.Date's text
-- ('', YYYY, YYYY-MM, YYYY-MM-DD); imported_at is RFC 3339 UTC.
CREATE TABLE list_versions (
    source      TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    hash        TEXT    NOT NULL,
    origin      TEXT    NOT NULL,
    format      TEXT    NOT NULL,
    published   TEXT    NOT NULL DEFAULT '',
    imported_at TEXT    NOT NULL,
    entities    INTEGER NOT NULL,
    by_schema   TEXT    NOT NULL,
    problems    INTEGER NOT NULL,
    PRIMARY KEY (source, version),
    UNIQUE (source, hash)
);

-- Each distinct entity JSON is stored once, keyed by its sha256: most
-- entities are unchanged from one version to the next, so history is cheap
-- and a diff compares ids of this table before decoding anything.
CREATE TABLE entity_blobs (
    id   INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    data BLOB NOT NULL
);

-- Which entities a version holds, in the order of the file (pos).
CREATE TABLE version_entities (
    source    TEXT    NOT NULL,
    version   INTEGER NOT NULL,
    pos       INTEGER NOT NULL,
    entity_id TEXT    NOT NULL,
    blob_id   INTEGER NOT NULL REFERENCES entity_blobs (id),
    PRIMARY KEY (source, version, pos),
    UNIQUE (source, version, entity_id),
    FOREIGN KEY (source, version) REFERENCES list_versions (source, version)
) WITHOUT ROWID;
CREATE INDEX version_entities_entity ON version_entities (entity_id);

-- Conditional-request validators of the last good download, per URL.
CREATE TABLE fetch_state (
    source        TEXT NOT NULL,
    url           TEXT NOT NULL,
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (source, url)
);

-- +goose Down
DROP TABLE fetch_state;
DROP TABLE version_entities;
DROP TABLE entity_blobs;
DROP TABLE list_versions;
