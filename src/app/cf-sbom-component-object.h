/* cf-sbom-component-object.h — one SBOM component, as a row of a list model
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cf-sbom.h"

G_BEGIN_DECLS

#define CF_TYPE_SBOM_COMPONENT_OBJECT (cf_sbom_component_object_get_type ())

G_DECLARE_FINAL_TYPE (CfSbomComponentObject, cf_sbom_component_object, CF, SBOM_COMPONENT_OBJECT, GObject)

CfSbomComponentObject *cf_sbom_component_object_new        (CfSbomComponent       *component,
                                                            guint                  index);
const CfSbomComponent *cf_sbom_component_object_get_component (CfSbomComponentObject *self);
guint                  cf_sbom_component_object_get_index  (CfSbomComponentObject *self);
const char            *cf_sbom_component_object_get_identifier (CfSbomComponentObject *self);
const char            *cf_sbom_component_object_get_hashes (CfSbomComponentObject *self);
gint                   cf_sbom_component_object_get_n_dependencies (CfSbomComponentObject *self);
const char            *cf_sbom_component_object_get_missing (CfSbomComponentObject *self);
void                   cf_sbom_component_object_add_missing (CfSbomComponentObject *self,
                                                            const char            *label);
gboolean               cf_sbom_component_object_matches    (CfSbomComponentObject *self,
                                                            const char            *folded_text);

G_END_DECLS
