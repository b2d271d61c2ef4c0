"""The price list in the admin, under "Prices": Moderators change it (staff/roles.py), History
shows each change and who made it."""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pricing.models import Cutout, EdgeProfile, PricingRules, TearOut


class OneSetPolicy(ModelPermissionPolicy):
    """Pricing rules: one set, changed, never added twice or deleted."""

    def user_has_permission(self, user, action):
        if action == "delete" or (action == "add" and self.model.objects.exists()):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(PricingRules, OneSetPolicy(PricingRules))


class EdgeProfileViewSet(SnippetViewSet):
    model = EdgeProfile
    icon = "crop"
    list_display = ["name", "price_low", "price_high", "suits"]


class CutoutViewSet(SnippetViewSet):
    model = Cutout
    icon = "circle-check"
    list_display = ["name", "price_low", "price_high"]


class TearOutViewSet(SnippetViewSet):
    model = TearOut
    icon = "bin"
    list_display = ["name", "price_low", "price_high"]


class PricingRulesViewSet(SnippetViewSet):
    model = PricingRules
    icon = "cog"
    list_display = ["__str__", "waste_percent", "minimum_charge", "round_to"]


class PricesGroup(SnippetViewSetGroup):
    menu_label = "Prices"
    menu_icon = "tag"
    menu_order = 250
    items = (EdgeProfileViewSet, CutoutViewSet, TearOutViewSet, PricingRulesViewSet)


register_snippet(PricesGroup)
