package cattools

import (
	"context"
	"os"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Browser starts Debian's chromium headless, with no network services and
// a fresh profile, and returns the context of a tab 1400×height pixels.
// Script errors and dialogs (an alert from a document's text would be
// one) fail the test. The browser is closed when the test ends.
func Browser(t testing.TB, height int) context.Context {
	t.Helper()
	exe := Tool(t, "chromium", "chromium")
	// Chromium's helper processes may still write to their profile for a
	// moment after the browser is gone, which t.TempDir's cleanup takes
	// as an error; this folder is removed when the browser is closed.
	profile, err := os.MkdirTemp("", "align-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1400, height),
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(func() {
		chromedp.Cancel(ctx) // closes the browser and waits for it
		cancelTab()
		cancelAlloc()
		cancel()
		for i := 0; i < 20 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(50 * time.Millisecond)
		}
	})
	chromedp.ListenTarget(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			msg := ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				msg += " " + ev.ExceptionDetails.Exception.Description
			}
			t.Errorf("script error in the page: %s", msg)
		case *cdppage.EventJavascriptDialogOpening:
			t.Errorf("the page opened a dialog: %q", ev.Message)
		}
	})
	return ctx
}
