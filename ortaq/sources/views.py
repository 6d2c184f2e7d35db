from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse

from ortaq.sources.models import Document


@permission_required("sources.view_document", raise_exception=True)
def document_detail(request, pk: int):
    document = get_object_or_404(Document, pk=pk)
    return render(request, "sources/document_detail.html", {
        "document": document,
        "review_url": _review_url(document),
        "sources": document.sources.select_related("content_type").order_by("content_type", "object_id"),
    })


def _review_url(document: Document) -> str | None:
    """The review page of the document when the press-release reader has read it."""
    try:
        return reverse("reader:document_review", args=[document.pk]) if hasattr(document, "reading") else None
    except NoReverseMatch:
        return None
