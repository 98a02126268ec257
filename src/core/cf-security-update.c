/* cf-security-update.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-security-update"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-security-update.h"

struct _CfSecurityUpdate
{
  CfRecord  parent_instance;

  gint64    product_id;
  GArray   *fixes;   /* of gint64 */
};

G_DEFINE_FINAL_TYPE (CfSecurityUpdate, cf_security_update, CF_TYPE_RECORD)

/* Annex I Part II points (2) and (7) and Article 13(8): what was released,
 * when, and (through the cases) which vulnerabilities it fixed. */
static const CfFieldSpec fields[] = {
  { "version", N_("Version"), 100, TRUE, FALSE, CF_FIELD_FORMAT_TEXT },
  { "released-on", N_("Released on"), 10, TRUE, FALSE, CF_FIELD_FORMAT_DATE },
  { "notes", N_("Release notes"), 10000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT },
};

static void
cf_security_update_copy_extra (CfRecord *record,
                               CfRecord *source)
{
  CfSecurityUpdate *self = CF_SECURITY_UPDATE (record);
  CfSecurityUpdate *other = CF_SECURITY_UPDATE (source);

  self->product_id = other->product_id;
  g_array_set_size (self->fixes, 0);
  g_array_append_vals (self->fixes, other->fixes->data, other->fixes->len);
}

static void
cf_security_update_finalize (GObject *object)
{
  CfSecurityUpdate *self = CF_SECURITY_UPDATE (object);

  g_array_unref (self->fixes);

  G_OBJECT_CLASS (cf_security_update_parent_class)->finalize (object);
}

static void
cf_security_update_class_init (CfSecurityUpdateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_security_update_finalize;
  CF_RECORD_CLASS (klass)->copy_extra = cf_security_update_copy_extra;
  cf_record_class_install_fields (CF_RECORD_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_security_update_init (CfSecurityUpdate *self)
{
  self->fixes = g_array_new (FALSE, FALSE, sizeof (gint64));
}

CfSecurityUpdate *
cf_security_update_new (void)
{
  return g_object_new (CF_TYPE_SECURITY_UPDATE, NULL);
}

gint64
cf_security_update_get_product_id (CfSecurityUpdate *self)
{
  g_return_val_if_fail (CF_IS_SECURITY_UPDATE (self), 0);
  return self->product_id;
}

void
cf_security_update_set_product_id (CfSecurityUpdate *self,
                                   gint64            product_id)
{
  g_return_if_fail (CF_IS_SECURITY_UPDATE (self));
  self->product_id = product_id;
}

/**
 * cf_security_update_get_fixes:
 *
 * Returns: (transfer none) (element-type gint64): the ids of the cases fixed
 */
GArray *
cf_security_update_get_fixes (CfSecurityUpdate *self)
{
  g_return_val_if_fail (CF_IS_SECURITY_UPDATE (self), NULL);
  return self->fixes;
}

void
cf_security_update_add_fix (CfSecurityUpdate *self,
                            gint64            case_id)
{
  g_return_if_fail (CF_IS_SECURITY_UPDATE (self));

  for (guint i = 0; i < self->fixes->len; i++)
    if (g_array_index (self->fixes, gint64, i) == case_id)
      return;
  g_array_append_val (self->fixes, case_id);
}
