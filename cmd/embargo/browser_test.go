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

// TestWebUIInChromium types a name into the screening form as a compliance
// officer would, checks the hit and its explanation, then opens the entity
// and lists pages. Set EMBARGO_SCREENSHOTS=DIR to keep a PNG of each page.
func TestWebUIInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe := chromium(t)
	base, _ := startServe(t, t.TempDir())

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.Headless,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1366, 900))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	shots := os.Getenv("EMBARGO_SCREENSHOTS")
	shot := func(name string) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			if shots == "" {
				return nil
			}
			var png []byte
			if err := chromedp.FullScreenshot(&png, 90).Do(ctx); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644)
		})
	}

	var caption, explain, banner, focused string
	var rows int
	err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(`#s-name`, chromedp.ByID),
		chromedp.Evaluate(`document.activeElement.id`, &focused),
		chromedp.SendKeys(`#s-name`, "Kim Chong Un", chromedp.ByID),
		chromedp.SendKeys(`#s-name`, kb.Enter, chromedp.ByID), // keyboard submit
		chromedp.WaitVisible(`#screen-results article.hit h3 a`, chromedp.ByQuery),
		chromedp.Text(`#screen-results article.hit h3 a`, &caption, chromedp.ByQuery),
		chromedp.Text(`#screen-results article.hit table.explain`, &explain, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('#screen-results article.hit table.explain tbody tr').length`, &rows),
		chromedp.Text(`#banner`, &banner, chromedp.ByID),
		shot("screen"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if focused != "s-name" {
		t.Errorf("the name field should have focus on load, got %q", focused)
	}
	if !strings.Contains(strings.ToUpper(caption), "KIM JONG UN") {
		t.Fatalf("first hit for Kim Chong Un is %q", caption)
	}
	if rows == 0 || !strings.Contains(explain, "name") {
		t.Fatalf("no explanation shown: %q", explain)
	}
	if !strings.Contains(banner, "DEMO") {
		t.Errorf("the demo notice is not shown: %q", banner)
	}

	var entityText, listsText string
	err = chromedp.Run(ctx,
		chromedp.Click(`#screen-results article.hit h3 a`, chromedp.ByQuery),
		chromedp.WaitVisible(`#entity-body table`, chromedp.ByQuery),
		chromedp.Text(`#entity-body`, &entityText, chromedp.ByID),
		shot("entity"),
		chromedp.Click(`nav a[data-page="lists"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#lists-body table`, chromedp.ByQuery),
		chromedp.Text(`#lists-body`, &listsText, chromedp.ByID),
		shot("lists"),
		chromedp.Click(`nav a[data-page="goods"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#g-hs`, chromedp.ByID),
		shot("goods"),
		chromedp.Click(`nav a[data-page="batch"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#b-file`, chromedp.ByID),
		shot("batch"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(entityText, "Designations") || !strings.Contains(entityText, "20157") {
		t.Errorf("entity page lacks its designation: %.400q", entityText)
	}
	if !strings.Contains(strings.ToLower(listsText), "demo") {
		t.Errorf("lists page does not say the demo subset is in use: %.300q", listsText)
	}
}
