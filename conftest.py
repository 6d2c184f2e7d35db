"""Test base: reference and demo data loaded once, named users for every role, ../shared and Chromium."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

REPO_ROOT = Path(__file__).resolve().parent
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SHARED_DIR = REPO_ROOT.parent / "shared"


def pytest_configure(config) -> None:
    from django.conf import settings

    # Real password hashing costs ~0.3 s per user; the tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Jobs run inside the request in tests, so a page read after a write sees it; the queue backends are
    # tested on their own (ortaq/jobs/tests).
    from django.test.utils import override_settings

    override_settings(ORTAQ_TASKS="immediate", TASKS=IMMEDIATE_TASKS).enable()


def _load_seed_data() -> None:
    from ortaq.portal.demo import load_all_demo, load_all_reference

    load_all_reference()
    load_all_demo()


@pytest.fixture(autouse=True)
def _default_language_between_tests():
    """A request served in Kazakh or English leaves that language active in the thread (the middleware
    activates each request's own language, so only tests notice): every test starts in Russian."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


def _transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    return (request.node.get_closest_marker("browser") is not None
            or bool(marker and marker.kwargs.get("transaction"))
            or bool({"transactional_db", "live_server"} & set(request.fixturenames)))


@pytest.fixture(autouse=True)
def _derived_data_stays_exact(request):
    """After every test that wrote to the registry, `ortaq check-derived` over the stores its writes reached
    finds nothing: the suite's writes (forms, API, imports, the reader, bulk paths) all keep the derived stores
    exact. ORTAQ_CHECK_DERIVED=0 turns it off; tests in a transaction of their own (browser) are not checked."""
    uses_db = request.node.get_closest_marker("django_db") is not None or "db" in request.fixturenames
    if os.environ.get("ORTAQ_CHECK_DERIVED") == "0" or not uses_db or _transactional(request):
        yield
        return
    request.getfixturevalue("db")  # opened before this check, so rolled back only after it
    from ortaq.core import derived

    derived.forget_recent_writes()
    yield
    written = derived.recent_writes() & {store.name for store in derived.stores()}
    if written:
        wrong = [difference for difference in derived.check(written) if difference]
        if wrong:
            pytest.fail("derived data differs from a rebuild after this test's writes:\n" + "\n".join(
                f"{difference.store.name}:\n" + "\n".join(difference.examples()) for difference in wrong))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The regions, areas and the seed's facts exist in every test, as after `make run`."""
    with django_db_blocker.unblock():
        _load_seed_data()


@pytest.fixture
def demo(db):
    """The seed's facts; reloaded if a transactional (browser) test flushed them."""
    from ortaq.regions.models import Region

    if not Region.objects.filter(code="KZ-35").exists() or not Region.objects.get(code="KZ-35").events.exists():
        _load_seed_data()
    return SimpleNamespace(
        astana=Region.objects.get(code="KZ-71"), karaganda=Region.objects.get(code="KZ-35"),
        east=Region.objects.get(code="KZ-63"),
    )


@pytest.fixture
def users(demo):
    """alice the administrator, karl the Karaganda editor, asel the Astana editor, vera the viewer,
    otto the outsider editor (East Kazakhstan)."""
    from ortaq.accounts.demo_users import create_user
    from ortaq.core.permissions import ADMIN, EDITOR, VIEWER

    return SimpleNamespace(
        admin=create_user("alice", ADMIN, password="pw-alice-1"),
        karaganda=create_user("karl", EDITOR, ("KZ-35",), password="pw-karl-1"),
        astana=create_user("asel", EDITOR, ("KZ-71",), password="pw-asel-1"),
        viewer=create_user("vera", VIEWER, password="pw-vera-1"),
        outsider=create_user("otto", EDITOR, ("KZ-63",), password="pw-otto-1"),
    )


@pytest.fixture
def client_as(client):
    """client_as(user) → a test client logged in as that user (None for anonymous)."""

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; tests that need it skip (or fail in CI) when it is absent."""
    if not SHARED_DIR.is_dir():
        if os.environ.get("ORTAQ_REQUIRE_SHARED"):
            pytest.fail(f"{SHARED_DIR} is required in CI but missing")
        pytest.skip(f"../shared not present at {SHARED_DIR}: seed and factRuEval texts are read from there")
    return SHARED_DIR


@pytest.fixture(scope="session")
def chromium():
    """A headless Debian Chromium driven by Playwright."""
    executable = os.environ.get("ORTAQ_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).exists():
        if os.environ.get("ORTAQ_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium not found at {executable}")
        pytest.skip(f"Chromium not found at {executable} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the tests' ORM calls are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    path = Path(os.environ.get("ORTAQ_ARTIFACTS", REPO_ROOT / "artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def pytest_collection_modifyitems(config, items) -> None:
    """Browser tests run last: their live server empties the database when they end."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
