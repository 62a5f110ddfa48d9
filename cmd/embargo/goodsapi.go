package main

import (
	"encoding/json"
	"net/http"

	"embargo"
	"embargo/goods"
	"embargo/goods/hs"
	"embargo/httpapi"
	"embargo/match"
)

// goodsAPI adapts package goods to the server's GoodsChecker. Parties are
// screened with the server's current index, so a reload reaches them too.
type goodsAPI struct {
	measures *goods.Measures
	nom      *hs.Nomenclature
	srv      *httpapi.Server
}

// goodsChecker builds the goods routes' checker; hsFile "" uses the
// embedded chapter table.
func (m *Main) goodsChecker(srv *httpapi.Server, hsFile string) (httpapi.GoodsChecker, error) {
	ms, err := goods.Default()
	if err != nil {
		return nil, err
	}
	g := goodsAPI{measures: ms, srv: srv}
	if hsFile != "" {
		if g.nom, err = loadHS(hsFile); err != nil {
			return nil, err
		}
	}
	return g, nil
}

func (g goodsAPI) Check(r *http.Request, body json.RawMessage) (any, error) {
	var s goods.Shipment
	if err := httpapi.DecodeStrict(body, &s); err != nil {
		return nil, err
	}
	c := goods.Checker{Measures: g.measures, Nomenclature: g.nom}
	if st := g.srv.State(); st != nil {
		c.Parties = partyScreener{ix: st.Index, opt: match.DefaultOptions()}
	}
	v, err := c.Check(s)
	if err != nil {
		return nil, err
	}
	return v, nil
}

func (g goodsAPI) Measures(regime string) (any, error) {
	list := g.measures.Regime(regime)
	if len(list) == 0 {
		return nil, embargo.FieldError("regime", "no measures for regime %q (DPRK, RUSSIA)", regime)
	}
	return map[string]any{"measures": list}, nil
}
