from django.contrib import admin

from ortaq.accounts.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "language"]
    list_filter = ["role"]
    filter_horizontal = ["regions", "organizations"]
    autocomplete_fields = ["user"]
