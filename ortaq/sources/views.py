from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, render

from ortaq.sources.models import Document


@permission_required("sources.view_document", raise_exception=True)
def document_detail(request, pk: int):
    document = get_object_or_404(Document, pk=pk)
    return render(request, "sources/document_detail.html", {
        "document": document,
        "sources": document.sources.select_related("content_type").order_by("content_type", "object_id"),
    })
