"""The printed grid of any declaration: the department form's, or a project's from its profile.

PDF, preview and the xlsx form sheet all ask here, so both form kinds share pagination and
drawing (docs/project-form.md §8).
"""

from __future__ import annotations

from desktop.documents.form_layout import build_form_layout
from desktop.documents.layout import FormLayout
from desktop.documents.options import PrintOptions
from desktop.documents.project_layout import build_project_layout
from desktop.domain.model import Declaration
from desktop.domain.profile import Profile
from desktop.domain.project import ProjectDeclaration


def build_layout(decl: Declaration, profile: Profile, options: PrintOptions | None = None) -> FormLayout:
    if isinstance(decl, ProjectDeclaration):
        return build_project_layout(decl, options)
    return build_form_layout(decl, profile, options)
