#!/usr/bin/env python3
"""Drives headless Chromium over the DevTools protocol against a built site and checks what a reader does:

- renders the seed page and the reference page in both languages (light, plus the Russian seed page dark and
  without JavaScript) and saves full-page screenshots;
- types "репозиторию" into the Russian search box and expects a result on the page that says "репозиторий",
  linking to an anchor; moves with ArrowDown/ArrowUp, opens with Enter, closes with Escape;
- follows the language switcher to the twin page, in both directions;
- clicks the copy button of a sample and reads the clipboard back.

Usage: browser-gates.py SITE_DIR SCREENSHOT_DIR     (run by scripts/site-gates; needs `websockets`)
Exit status 0 when every check passed; each check prints one line.
"""
import asyncio, base64, functools, http.server, json, os, pathlib, shutil, socket, socketserver, subprocess, sys
import tempfile, threading, time, urllib.request

import websockets

SEED = "admin/integrations/public/amazon/services.html"
REFERENCE = "modules/cloud-provider-aws/cluster_configuration.html"
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message, flush=True)
    if not condition:
        failures.append(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(directory):
    port = free_port()
    handler = functools.partial(QuietHandler, directory=directory)
    server = socketserver.ThreadingTCPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, port


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Page:
    """One tab, spoken to through its DevTools websocket."""

    def __init__(self, ws):
        self.ws = ws
        self.next_id = 0
        self.events = []
        self.exceptions = []

    def record(self, message):
        if message.get("method") == "Runtime.exceptionThrown":
            details = message["params"]["exceptionDetails"]
            self.exceptions.append(details.get("exception", {}).get("description") or details.get("text"))
        self.events.append(message)

    async def send(self, method, **params):
        self.next_id += 1
        ident = self.next_id
        await self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(await asyncio.wait_for(self.ws.recv(), 30))
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.record(message)

    async def wait_event(self, name, timeout=15):
        """Waits for an event; `name` may be a tuple of names (any of them)."""
        names = name if isinstance(name, tuple) else (name,)
        deadline = time.monotonic() + timeout
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") in names:
                    del self.events[: i + 1]
                    return event
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(name)
            self.record(json.loads(await asyncio.wait_for(self.ws.recv(), remaining)))

    async def evaluate(self, expression):
        result = await self.send("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True,
                                 userGesture=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def navigate(self, url):
        self.events.clear()
        await self.send("Page.navigate", url=url)
        await self.wait_event("Page.loadEventFired")
        await self.settle()

    async def settle(self):
        # Deferred scripts have run by the load event; give layout and fonts a moment.
        await asyncio.sleep(0.3)

    async def key(self, key, code, keycode, text=None):
        params = dict(type="keyDown", key=key, code=code, windowsVirtualKeyCode=keycode, nativeVirtualKeyCode=keycode)
        if text:
            params["text"] = text
        await self.send("Input.dispatchKeyEvent", **params)
        await self.send("Input.dispatchKeyEvent", type="keyUp", key=key, code=code, windowsVirtualKeyCode=keycode,
                        nativeVirtualKeyCode=keycode)

    async def click(self, selector):
        box = await self.evaluate(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
            return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")
        for kind in ("mousePressed", "mouseReleased"):
            await self.send("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    async def screenshot(self, path, width=1366, full=True, mobile=False):
        """The whole page (up to 6000 px), or only the first screen when `full` is false."""
        screen = 844 if mobile else 900
        await self.send("Emulation.setDeviceMetricsOverride", width=width, height=screen, deviceScaleFactor=1, mobile=mobile)
        await asyncio.sleep(0.2)
        metrics = await self.send("Page.getLayoutMetrics")
        height = min(int(metrics["cssContentSize"]["height"]), 6000) if full else screen
        shot = await self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                               clip=dict(x=0, y=0, width=width, height=height, scale=1))
        pathlib.Path(path).write_bytes(base64.b64decode(shot["data"]))


async def run(site, shots, port, debug_port):
    base = f"http://127.0.0.1:{port}"
    with urllib.request.urlopen(f"http://127.0.0.1:{debug_port}/json/list") as response:
        targets = json.load(response)
    target = next(t for t in targets if t["type"] == "page")
    async with websockets.connect(target["webSocketDebuggerUrl"], max_size=64 * 1024 * 1024) as ws:
        page = Page(ws)
        await page.send("Page.enable")
        await page.send("Runtime.enable")
        await page.send("Emulation.setDeviceMetricsOverride", width=1366, height=900, deviceScaleFactor=1, mobile=False)
        await page.send("Emulation.setFocusEmulationEnabled", enabled=True)
        await page.send("Browser.grantPermissions", origin=base,
                        permissions=["clipboardReadWrite", "clipboardSanitizedWrite"])

        # Screenshots, light.
        for language in ("ru", "en"):
            for name, path in (("seed", SEED), ("reference", REFERENCE)):
                await page.navigate(f"{base}/{language}/{path}")
                title = await page.evaluate("document.title")
                check(bool(title) and "404" not in title, f"{language} {name} page loads: {title}")
                await page.screenshot(os.path.join(shots, f"{name}.{language}.png"))
                await page.screenshot(os.path.join(shots, f"{name}.{language}.first-screen.png"), full=False)

        # The Russian seed page with its policy summary open, dark, and without JavaScript.
        await page.navigate(f"{base}/ru/{SEED}")
        await page.evaluate("document.querySelector('.policy-summary').open = true")
        await page.send("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": "dark"}])
        await page.screenshot(os.path.join(shots, "seed.ru.dark.png"))
        await page.send("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": "light"}])
        await page.navigate(f"{base}/en/404.html")
        await page.screenshot(os.path.join(shots, "404.en.png"))
        # The site title in the header leads to the language's home page.
        await page.navigate(f"{base}/ru/{SEED}")
        await page.click(".site-title")
        await page.wait_event("Page.loadEventFired", timeout=10)
        await page.settle()
        home = await page.evaluate("[location.pathname, document.querySelectorAll('.page-list a').length]")
        check(home[0] == "/ru/" and home[1] >= 2, f"the site title leads to a home page listing the pages: {home}")
        await page.screenshot(os.path.join(shots, "home.ru.png"), full=False)

        # A phone-sized screen.
        await page.navigate(f"{base}/ru/{SEED}")
        await page.screenshot(os.path.join(shots, "seed.ru.phone.png"), width=390, full=False, mobile=True)
        await page.send("Emulation.setDeviceMetricsOverride", width=1366, height=900, deviceScaleFactor=1, mobile=False)

        # Search: the Russian box finds "репозиторий" when asked for "репозиторию".
        await page.navigate(f"{base}/ru/{SEED}")
        visible = await page.evaluate("!document.querySelector('form.site-search').hidden")
        check(visible, "the search box is shown once the script runs")
        await page.click("#search-input")
        await page.send("Input.insertText", text="репозиторию")
        await asyncio.sleep(0.6)
        results = await page.evaluate("""Array.from(document.querySelectorAll('#search-results [role=option] a'))
            .map(a => ({href: a.getAttribute('href'), text: a.textContent}))""")
        check(any(SEED in r["href"] for r in results),
              f"search 'репозиторию' lists the page that says 'репозиторий': {[r['href'] for r in results]}")
        check(any("#" in r["href"] for r in results), "search results link to an anchor")
        await page.screenshot(os.path.join(shots, "search.ru.png"))
        # English search finds a reference parameter by a word of its description.
        await page.navigate(f"{base}/en/{SEED}")
        await page.click("#search-input")
        await page.send("Input.insertText", text="role policies")
        await asyncio.sleep(0.6)
        hrefs = await page.evaluate("Array.from(document.querySelectorAll('#search-results [role=option] a')).map(a => a.getAttribute('href'))")
        check(any("additionalrolepolicies" in h for h in hrefs), f"search 'role policies' finds the reference parameter: {hrefs[:3]}")
        check(len(hrefs) >= 2, f"'role policies' gives several results to move through: {len(hrefs)}")
        selected = await page.evaluate("document.querySelector('#search-results [aria-selected=true] a')?.getAttribute('href')")
        check(selected == hrefs[0], "the first result is selected as results appear")
        await page.key("ArrowDown", "ArrowDown", 40)
        moved = await page.evaluate("document.querySelector('#search-results [aria-selected=true] a')?.getAttribute('href')")
        check(moved == hrefs[1], "ArrowDown selects the next result")
        await page.key("ArrowUp", "ArrowUp", 38)
        back = await page.evaluate("document.querySelector('#search-results [aria-selected=true] a')?.getAttribute('href')")
        check(back == hrefs[0], "ArrowUp selects the previous one")
        await page.key("ArrowDown", "ArrowDown", 40)
        await page.key("Escape", "Escape", 27)
        closed = await page.evaluate("document.querySelector('#search-results').hidden")
        check(closed, "Escape closes the results")
        await page.key("ArrowDown", "ArrowDown", 40)
        reopened = await page.evaluate("document.querySelector('#search-results [aria-selected=true] a')?.getAttribute('href')")
        check(reopened == hrefs[0], "ArrowDown reopens them")
        await page.key("ArrowDown", "ArrowDown", 40)
        page.events.clear()
        await page.key("Enter", "Enter", 13, text="\r")
        # A result on the same page is a jump to its anchor, one on another page a load.
        await page.wait_event(("Page.navigatedWithinDocument", "Page.loadEventFired"), timeout=10)
        await page.settle()
        location = await page.evaluate("decodeURIComponent(location.pathname + location.hash)")
        check(location == hrefs[1], f"Enter opens the selected result: {location}")

        # Language switcher: to the twin and back, with the keyboard.
        for source, target_language in (("ru", "en"), ("en", "ru")):
            await page.navigate(f"{base}/{source}/{SEED}")
            focused = await page.evaluate(f"""(() => {{ const a = document.querySelector('.language-switcher a[hreflang="{target_language}"]');
                a.focus(); return document.activeElement === a; }})()""")
            check(focused, f"the {source} switcher link to {target_language} takes keyboard focus")
            page.events.clear()
            await page.key("Enter", "Enter", 13, text="\r")
            await page.wait_event("Page.loadEventFired", timeout=10)
            await page.settle()
            url = await page.evaluate("location.pathname")
            lang = await page.evaluate("document.documentElement.lang")
            check(url == f"/{target_language}/{SEED}" and lang == target_language,
                  f"the {source} language switcher leads to the twin: {url} (lang={lang})")

        # Copy button: the clipboard holds the sample's text afterwards.
        await page.navigate(f"{base}/en/{SEED}")
        expected = await page.evaluate("document.querySelector('.code-block pre code').textContent")
        await page.evaluate("navigator.clipboard.writeText('')")
        await page.click(".code-block .copy-button")
        await asyncio.sleep(0.4)
        label = await page.evaluate("document.querySelector('.code-block .copy-button').textContent")
        copied = await page.evaluate("navigator.clipboard.readText()")
        check(copied == expected and len(expected) > 50, f"the copy button copies the sample ({len(copied or '')} characters), label now '{label}'")

        # Readable without JavaScript: the text is all there, the script-only controls stay hidden.
        await page.send("Emulation.setScriptExecutionDisabled", value=True)
        await page.navigate(f"{base}/ru/{SEED}")
        hidden = await page.evaluate("1")  # evaluation still works from DevTools with page scripts off
        text = await page.evaluate("document.querySelector('article').innerText")
        search_hidden = await page.evaluate("document.querySelector('form.site-search').hidden")
        copy_hidden = await page.evaluate("Array.from(document.querySelectorAll('.copy-button')).every(b => b.hidden)")
        check(hidden == 1 and "репозиторий" in text and search_hidden and copy_hidden,
              "without JavaScript the page reads in full and shows no dead controls")
        await page.screenshot(os.path.join(shots, "seed.ru.nojs.png"))
        await page.send("Emulation.setScriptExecutionDisabled", value=False)
        check(not page.exceptions, f"no script errors on any page: {page.exceptions}")


def main():
    site, shots = sys.argv[1], sys.argv[2]
    os.makedirs(shots, exist_ok=True)
    server, port = serve(site)
    debug_port = free_port()
    profile = tempfile.mkdtemp(prefix="dochouse-chromium-")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    browser = subprocess.Popen([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                f"--remote-debugging-port={debug_port}", f"--user-data-dir={profile}",
                                "--no-first-run", "--window-size=1366,900", "--lang=en-US", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{debug_port}/json/version", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        asyncio.run(run(site, shots, port, debug_port))
    except Exception as error:  # a crash of the driver is a failed gate, with the reason
        check(False, f"browser checks could not finish: {error!r}")
    finally:
        browser.terminate()
        try:
            browser.wait(10)
        except subprocess.TimeoutExpired:
            browser.kill()
        server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)
    print(f"screenshots in {shots}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
