from django import forms
from django.utils.translation import gettext_lazy as _


class TrackForm(forms.Form):
    number = forms.CharField(label=_("Order number"), max_length=40)
    email = forms.EmailField(label=_("Email address"), max_length=254)
