package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// chromium finds Debian's headless browser; CI installs it (.ci/run), so
// there a missing browser fails the test instead of skipping it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed (.ci/run should have installed Debian's chromium)")
	}
	t.Skip("chromium not installed: apt-get install -y chromium to run the browser test")
	return ""
}

// browser starts headless Chromium for the test, stopped when it ends.
func browser(t *testing.T, exe string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.Headless,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1366, 900))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// TestWebUICoverageInChromium: an analyst measures which of the UN's DPRK
// designations the other lists carry (the repository's small fixtures of
// the UN, UK, EU and Australian lists) and follows a gap to its entity.
func TestWebUICoverageInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe := chromium(t)
	base, _ := startServe(t, importCoverageFixtures(t))
	ctx := browser(t, exe)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/#/coverage"), chromedp.WaitVisible(chromedp.ID("c-regime")),
		chromedp.Click(chromedp.CSS("#coverage-form button")), chromedp.WaitVisible(chromedp.CSS("#coverage-results table"))); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("EMBARGO_SCREENSHOTS"); dir != "" {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "coverage.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#coverage-results")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"2 entities of un (DPRK)", "uk", "1 of 2", "au"} {
		if !strings.Contains(out, want) {
			t.Errorf("coverage page lacks %q: %.600q", want, out)
		}
	}
	for _, junk := range []string{"[object", "null", "undefined", "NaN"} {
		if strings.Contains(out, junk) {
			t.Errorf("coverage page shows %q: %.600q", junk, out)
		}
	}
}

// TestWebUIInChromium types a name into the screening form as a compliance
// officer would, checks the hit and its explanation, then opens the entity
// and lists pages. Set EMBARGO_SCREENSHOTS=DIR to keep a PNG of each page.
func TestWebUIInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe := chromium(t)
	base, _ := startServe(t, t.TempDir())
	ctx := browser(t, exe)

	shots := os.Getenv("EMBARGO_SCREENSHOTS")
	shot := func(name string) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
			if shots == "" {
				return chromedp.Void{}, nil
			}
			png, err := chromedp.FullScreenshot(100)(ctx, t)
			if err != nil {
				return chromedp.Void{}, err
			}
			return chromedp.Void{}, os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	step := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}

	step(chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.ID("s-name")))
	focused, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`))
	if err != nil {
		t.Fatal(err)
	}
	step(chromedp.SendKeys(chromedp.ID("s-name"), "Kim Chong Un"),
		chromedp.SendKeys(chromedp.ID("s-name"), kb.Enter), // keyboard submit
		chromedp.WaitVisible(chromedp.CSS("#screen-results article.hit h3 a")), shot("screen"))
	caption := text("#screen-results article.hit h3 a")
	explain := text("#screen-results article.hit table.explain")
	banner := text("#banner")
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#screen-results article.hit table.explain tbody tr').length`))
	if err != nil {
		t.Fatal(err)
	}
	if focused != "s-name" {
		t.Errorf("the name field should have focus on load, got %q", focused)
	}
	if !strings.Contains(strings.ToUpper(strings.ReplaceAll(caption, ",", "")), "KIM JONG UN") {
		t.Fatalf("first hit for Kim Chong Un is %q", caption)
	}
	if rows == 0 || !strings.Contains(explain, "name") {
		t.Fatalf("no explanation shown: %q", explain)
	}
	if !strings.Contains(banner, "DEMO") {
		t.Errorf("the demo notice is not shown: %q", banner)
	}

	step(chromedp.Click(chromedp.CSS("#screen-results article.hit h3 a")), chromedp.WaitVisible(chromedp.CSS("#entity-body table")), shot("entity"))
	entityText := text("#entity-body")
	step(chromedp.Click(chromedp.CSS(`nav a[data-page="lists"]`)), chromedp.WaitVisible(chromedp.CSS("#lists-body table, #lists-body .lists-empty")), shot("lists"))
	listsText := text("#lists-body")
	step(chromedp.Click(chromedp.CSS(`nav a[data-page="goods"]`)), chromedp.WaitVisible(chromedp.ID("g-hs")), shot("goods"),
		chromedp.Click(chromedp.CSS(`nav a[data-page="batch"]`)), chromedp.WaitVisible(chromedp.ID("b-file")), shot("batch"))
	for _, junk := range []string{"[object", "null", "undefined"} {
		if strings.Contains(entityText, junk) {
			t.Errorf("entity page shows %q: %.400q", junk, entityText)
		}
	}
	if !strings.Contains(entityText, "Designations") || !strings.Contains(entityText, "20157") || !strings.Contains(entityText, "1984-01-08") {
		t.Errorf("entity page lacks its designation: %.400q", entityText)
	}
	if !strings.Contains(strings.ToLower(listsText), "demo") {
		t.Errorf("lists page does not say the demo subset is in use: %.300q", listsText)
	}
}
