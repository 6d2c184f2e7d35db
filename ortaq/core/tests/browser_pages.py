"""What the layout and accessibility browser tests share: one browser context per role, signed in."""

from __future__ import annotations

from django.test import Client

# Console errors and uncaught exceptions are recorded on every page: a clean page logs none.
RECORD_ERRORS = "window.__errors = []; window.addEventListener('error', e => window.__errors.push(String(e.message)));"


def context_as(chromium, live_server, user, width: int, height: int = 900, **options):
    """A browser context of the given width signed in as `user` (anonymous for None); `options` go to
    Playwright's new_context (device_scale_factor=2 for 200 % zoom)."""
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="ru-RU", **options)
    if user is not None:
        client = Client()
        client.force_login(user)
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                              "url": live_server.url}])
    context.add_init_script(RECORD_ERRORS)
    return context


def open_page(page, url: str, console: list[str]) -> int:
    """Go to `url`, wait until it has loaded and its charts are drawn; the response status."""
    console.clear()
    response = page.goto(url, wait_until="load")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.plotly-chart')].every(n => n.classList.contains('drawn')"
        " || !document.getElementById(n.dataset.figure))", timeout=20_000)
    return response.status if response else 0


def listen_for_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    return errors
