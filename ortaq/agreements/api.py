from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework import serializers

from ortaq.agreements.filtersets import AgreementFilterSet, CommitmentFilterSet
from ortaq.agreements.models import Agreement, Commitment, Party, editing_parties
from ortaq.core.api import RecordSerializer, RecordViewSet


class PartySerializer(serializers.ModelSerializer):
    class Meta:
        model = Party
        fields = ["id", "organization", "region", "signatory", "signatory_title"]

    def validate(self, data: dict) -> dict:
        if not data.get("organization") and not data.get("region"):
            raise serializers.ValidationError(_("Сторона — это организация или регион: укажите одно из двух."))
        return data


class AgreementSerializer(RecordSerializer):
    parties = PartySerializer(many=True)

    class Meta:
        model = Agreement
        exclude = ["created_at", "updated_at", "party_count"]

    def validate_parties(self, parties: list[dict]) -> list[dict]:
        if len(parties) < 2:
            raise serializers.ValidationError(_("У соглашения должно быть не меньше двух сторон."))
        return parties

    def validate_status(self, value: str) -> str:
        if self.instance and not self.instance.can_move_to(value):
            raise serializers.ValidationError(_("Статус «%(old)s» не может смениться на «%(new)s».")
                                              % {"old": self.instance.status, "new": value})
        return value

    @transaction.atomic
    def create(self, data: dict) -> Agreement:
        parties, areas = data.pop("parties"), data.pop("areas", [])
        agreement = Agreement.objects.create(party_count=len(parties), **data)
        agreement.areas.set(areas)
        self._replace_parties(agreement, parties)
        return agreement

    @transaction.atomic
    def update(self, agreement: Agreement, data: dict) -> Agreement:
        parties = data.pop("parties", None)
        agreement = super().update(agreement, data)
        if parties is not None:
            self._replace_parties(agreement, parties)
        return agreement

    @staticmethod
    def _replace_parties(agreement: Agreement, parties: list[dict]) -> None:
        with editing_parties(agreement):
            agreement.parties.all().delete()
            for party in parties:
                Party.objects.create(agreement=agreement, **party)
        agreement.save()  # re-index with the parties


class CommitmentSerializer(RecordSerializer):
    overdue = serializers.BooleanField(source="is_overdue", read_only=True)

    class Meta:
        model = Commitment
        exclude = ["created_at", "updated_at"]


class AgreementViewSet(RecordViewSet):
    queryset = Agreement.objects.prefetch_related("parties", "areas")
    serializer_class = AgreementSerializer
    filterset_class = AgreementFilterSet


class CommitmentViewSet(RecordViewSet):
    queryset = Commitment.objects.select_related("agreement", "owner")
    serializer_class = CommitmentSerializer
    filterset_class = CommitmentFilterSet
