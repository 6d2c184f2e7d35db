"""Subscriptions, deliveries and their attempts in the admin site too (the administrators' own pages are views.py)."""

from django.contrib import admin

from ortaq.webhooks.models import Attempt, Delivery, Subscription


class AttemptInline(admin.TabularInline):
    model = Attempt
    extra = 0
    can_delete = False
    readonly_fields = ["number", "at", "status_code", "error", "duration_ms"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "active", "created_at"]
    list_filter = ["active"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["event", "subscription", "status", "attempts", "next_attempt_at", "created_at"]
    list_filter = ["status", "event", "subscription"]
    readonly_fields = ["subscription", "event", "object_key", "payload", "status", "attempts", "next_attempt_at",
                       "created_at", "delivered_at"]
    inlines = [AttemptInline]

    def has_add_permission(self, request) -> bool:
        return False
