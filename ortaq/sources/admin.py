from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ortaq.sources.models import Document, Source


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "uploaded_at"]
    search_fields = ["title"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["content_type", "object_id", "kind", "document", "entered_by", "created_at"]
    list_filter = ["kind", "content_type"]
