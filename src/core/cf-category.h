/* cf-category.h — default, important (class I, class II) or critical
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* In order of precedence: when a product has the core functionality of
 * several categories, the highest one applies. */
typedef enum
{
  CF_CATEGORY_DEFAULT,
  CF_CATEGORY_IMPORTANT_CLASS_1,
  CF_CATEGORY_IMPORTANT_CLASS_2,
  CF_CATEGORY_CRITICAL,
} CfCategory;

#define CF_TYPE_CATEGORY (cf_category_get_type ())
GType       cf_category_get_type    (void) G_GNUC_CONST;

const char *cf_category_to_id       (CfCategory   category);
gboolean    cf_category_from_id     (const char  *id,
                                     CfCategory  *category);
const char *cf_category_get_label   (CfCategory   category);
const char *cf_category_get_legal_basis (CfCategory category);

G_END_DECLS
