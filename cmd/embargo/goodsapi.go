package main

import (
	"context"

	"embargo/httpapi"
)

// goodsChecker adapts package goods to the server's GoodsChecker; nil until
// goods screening is wired (the goods routes then answer 503).
func (m *Main) goodsChecker(ctx context.Context) httpapi.GoodsChecker {
	return nil
}
