"""`make run` serves static files as production does: hashed names, gzip and brotli, cached for a year."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory, override_settings
from whitenoise.middleware import WhiteNoiseMiddleware

REPO = Path(settings.BASE_DIR)
COMPRESSED = {"staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
              "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}


def test_make_run_collects_and_serves_compressed_hashed_static_files(tmp_path):
    assert "ORTAQ_COMPRESSED_STATIC = 1" in (REPO / "Makefile").read_text()
    root = tmp_path / "static"
    env = {**os.environ, "ORTAQ_COMPRESSED_STATIC": "1", "ORTAQ_STATIC_ROOT": str(root)}
    # Plotly's 4.8 MB is left out here only to keep the test quick; `make run` compresses it the same way.
    done = subprocess.run([sys.executable, "-m", "ortaq", "collectstatic", "--noinput", "-v0", "-i", "plotly*",
                           "-i", "datasets", "-i", "templates", "-i", "widgetbundle.js"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    with override_settings(STORAGES=COMPRESSED, STATIC_ROOT=root, WHITENOISE_USE_FINDERS=False):
        from django.templatetags.static import static

        url = static("core/ortaq.css")
        assert url != "/static/core/ortaq.css" and url.startswith("/static/core/ortaq.")
        assert {path.name for path in (root / "core").iterdir()} >= {Path(url).name + ".br", Path(url).name + ".gz"}
        middleware = WhiteNoiseMiddleware(lambda request: pytest.fail("not served by WhiteNoise"))
        response = middleware(RequestFactory().get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br"))
    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert "max-age=315360000" in response["Cache-Control"] and "immutable" in response["Cache-Control"]
