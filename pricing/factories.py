from decimal import Decimal

import factory

from pricing.models import Cutout, EdgeProfile, PricingRules, TearOut


class EdgeProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EdgeProfile
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Edge {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    suits = "Any kitchen."
    price_low = Decimal("8")
    price_high = Decimal("12")


class CutoutFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cutout
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Cutout {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    price_low = Decimal("250")
    price_high = Decimal("350")


class TearOutFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TearOut
        django_get_or_create = ("slug",)

    name = "Laminate"
    slug = "laminate"
    price_low = Decimal("4")
    price_high = Decimal("6")


class PricingRulesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PricingRules

    waterfall_low = Decimal("300")
    waterfall_high = Decimal("500")
    waterfall_height = Decimal("36")
    waste_percent = Decimal("10")
    minimum_charge = 500
    round_to = 50
