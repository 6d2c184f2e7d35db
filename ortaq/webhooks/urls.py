from django.urls import path

from ortaq.webhooks import views

app_name = "webhooks"
urlpatterns = [
    path("", views.SubscriptionListView.as_view(), name="subscription_list"),
    path("new/", views.SubscriptionCreateView.as_view(), name="subscription_create"),
    path("<int:pk>/", views.SubscriptionDetailView.as_view(), name="subscription_detail"),
    path("<int:pk>/edit/", views.SubscriptionUpdateView.as_view(), name="subscription_edit"),
    path("<int:pk>/delete/", views.SubscriptionDeleteView.as_view(), name="subscription_delete"),
    path("<int:pk>/secret/", views.subscription_secret, name="subscription_secret"),
    path("<int:pk>/test/", views.subscription_test, name="subscription_test"),
    path("deliveries/", views.DeliveryListView.as_view(), name="delivery_list"),
    path("deliveries/<int:pk>/", views.DeliveryDetailView.as_view(), name="delivery_detail"),
    path("deliveries/<int:pk>/retry/", views.delivery_retry, name="delivery_retry"),
]
