package apikey_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"embargo"
	"embargo/apikey"
)

func TestKeys(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	keys, err := apikey.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	k, token, err := keys.Create(ctx, apikey.RoleScreen, "payments")
	if err != nil {
		t.Fatal(err)
	}
	var stored string
	if err := db.QueryRow(`SELECT hash FROM api_keys WHERE id = ?`, k.ID).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(token, stored) || strings.HasSuffix(token, stored) {
		t.Fatal("the secret itself is stored")
	}
	got, err := keys.Check(ctx, token)
	if err != nil || got.ID != k.ID || !got.Allows(apikey.RoleScreen) || got.Allows(apikey.RoleAdmin) {
		t.Fatalf("Check = %+v, %v", got, err)
	}
	for _, bad := range []string{"", "emb_", "emb_" + k.ID + "_wrong", token + "x", "Bearer " + token} {
		if _, err := keys.Check(ctx, bad); embargo.ErrorKind(err) != embargo.EUNAUTH {
			t.Errorf("Check(%q) = %v; want unauthorized", bad, err)
		}
	}
	if err := keys.Revoke(ctx, k.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := keys.Check(ctx, token); embargo.ErrorKind(err) != embargo.EUNAUTH {
		t.Fatalf("revoked key accepted: %v", err)
	}
	if _, _, err := keys.Create(ctx, "root", ""); embargo.ErrorKind(err) != embargo.EINVALID {
		t.Fatalf("bad role: %v", err)
	}
}
