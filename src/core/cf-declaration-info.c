/* cf-declaration-info.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-declaration-info"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-declaration-info.h"

struct _CfDeclarationInfo
{
  CfRecord    parent_instance;

  CfProcedure procedure;
};

G_DEFINE_FINAL_TYPE (CfDeclarationInfo, cf_declaration_info, CF_TYPE_RECORD)

/* Far above the ids CfRecord gives its field properties (its own N_PROPS
 * upwards), so the two numbering schemes on this class cannot collide. */
#define PROP_PROCEDURE 1000

static GParamSpec *procedure_pspec;

/* Annex V points 5 to 8. None is required for saving: a declaration may be
 * prepared over days. Which are required for a final (non-draft) document is
 * decided by cf-declaration.c, as the regulation's items are. */
static const CfFieldSpec fields[] = {
  { "other-legislation", N_("Other Union harmonisation legislation"), 2000, FALSE, TRUE,
    CF_FIELD_FORMAT_TEXT, N_("Conformity (points 5 and 6)") },
  { "standards", N_("Harmonised standards, common specifications or certification"), 4000, FALSE,
    TRUE, CF_FIELD_FORMAT_TEXT, N_("Conformity (points 5 and 6)") },
  { "notified-body-name", N_("Notified body name"), 300, FALSE, FALSE, CF_FIELD_FORMAT_TEXT,
    N_("Notified body and certificate (point 7)") },
  { "notified-body-number", N_("Notified body number"), 4, FALSE, FALSE, CF_FIELD_FORMAT_NOTIFIED_BODY,
    N_("Notified body and certificate (point 7)") },
  { "certificate", N_("Certificate"), 300, FALSE, FALSE, CF_FIELD_FORMAT_TEXT,
    N_("Notified body and certificate (point 7)") },
  { "additional-info", N_("Additional information"), 4000, FALSE, TRUE, CF_FIELD_FORMAT_TEXT,
    N_("Additional information and signature (point 8)") },
  { "place-of-issue", N_("Place of issue"), 200, FALSE, FALSE, CF_FIELD_FORMAT_TEXT,
    N_("Additional information and signature (point 8)") },
  { "signatory-name", N_("Signatory name"), 200, FALSE, FALSE, CF_FIELD_FORMAT_TEXT,
    N_("Additional information and signature (point 8)") },
  { "signatory-function", N_("Signatory function"), 200, FALSE, FALSE, CF_FIELD_FORMAT_TEXT,
    N_("Additional information and signature (point 8)") },
};

static void
cf_declaration_info_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CfDeclarationInfo *self = CF_DECLARATION_INFO (object);

  switch (prop_id)
    {
    case PROP_PROCEDURE:
      g_value_set_enum (value, self->procedure);
      break;

    default:
      G_OBJECT_CLASS (cf_declaration_info_parent_class)->get_property (object, prop_id, value, pspec);
    }
}

static void
cf_declaration_info_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CfDeclarationInfo *self = CF_DECLARATION_INFO (object);

  switch (prop_id)
    {
    case PROP_PROCEDURE:
      cf_declaration_info_set_procedure (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_CLASS (cf_declaration_info_parent_class)->set_property (object, prop_id, value, pspec);
    }
}

static void
cf_declaration_info_copy_extra (CfRecord *record,
                                CfRecord *source)
{
  cf_declaration_info_set_procedure (CF_DECLARATION_INFO (record),
                                     CF_DECLARATION_INFO (source)->procedure);
}

static void
cf_declaration_info_class_init (CfDeclarationInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  cf_record_class_install_fields (CF_RECORD_CLASS (klass), fields, G_N_ELEMENTS (fields));

  CF_RECORD_CLASS (klass)->copy_extra = cf_declaration_info_copy_extra;
  object_class->get_property = cf_declaration_info_get_property;
  object_class->set_property = cf_declaration_info_set_property;

  procedure_pspec =
    g_param_spec_enum ("procedure", NULL, NULL,
                       CF_TYPE_PROCEDURE, CF_PROCEDURE_MODULE_A,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_PROCEDURE, procedure_pspec);
}

static void
cf_declaration_info_init (CfDeclarationInfo *self)
{
}

CfDeclarationInfo *
cf_declaration_info_new (void)
{
  return g_object_new (CF_TYPE_DECLARATION_INFO, NULL);
}

CfProcedure
cf_declaration_info_get_procedure (CfDeclarationInfo *self)
{
  g_return_val_if_fail (CF_IS_DECLARATION_INFO (self), CF_PROCEDURE_MODULE_A);

  return self->procedure;
}

void
cf_declaration_info_set_procedure (CfDeclarationInfo *self,
                                   CfProcedure        procedure)
{
  g_return_if_fail (CF_IS_DECLARATION_INFO (self));
  g_return_if_fail (procedure <= CF_PROCEDURE_CERTIFICATION);

  if (self->procedure == procedure)
    return;

  self->procedure = procedure;
  g_object_notify_by_pspec (G_OBJECT (self), procedure_pspec);
}

gboolean
cf_declaration_info_validate (CfDeclarationInfo  *self,
                              GError            **error)
{
  return cf_record_validate (CF_RECORD (self), error);
}
