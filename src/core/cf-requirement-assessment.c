/* cf-requirement-assessment.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-requirement-assessment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-error.h"
#include "cf-field.h"
#include "cf-requirement-assessment.h"
#include "cf-routing.h"

#define STANDARDS_SECTION "StandardsMapping"
#define MAX_TEXT 8000
#define MAX_REFERENCE 200

CfRequirementAssessment *
cf_requirement_assessment_new (const char *requirement)
{
  CfRequirementAssessment *self = g_new0 (CfRequirementAssessment, 1);

  self->requirement = g_strdup (requirement);
  self->applies = TRUE;
  self->status = CF_STATUS_NOT_STARTED;
  self->standards = g_new0 (char *, 1);
  self->threats = g_array_new (FALSE, FALSE, sizeof (gint));

  return self;
}

CfRequirementAssessment *
cf_requirement_assessment_copy (const CfRequirementAssessment *self)
{
  CfRequirementAssessment *copy = cf_requirement_assessment_new (self->requirement);

  copy->applies = self->applies;
  copy->justification = g_strdup (self->justification);
  copy->measures = g_strdup (self->measures);
  copy->status = self->status;
  g_strfreev (copy->standards);
  copy->standards = g_strdupv (self->standards);
  g_array_append_vals (copy->threats, self->threats->data, self->threats->len);
  copy->updated_at = g_strdup (self->updated_at);

  return copy;
}

void
cf_requirement_assessment_free (CfRequirementAssessment *self)
{
  if (self == NULL)
    return;

  g_free (self->requirement);
  g_free (self->justification);
  g_free (self->measures);
  g_strfreev (self->standards);
  g_array_unref (self->threats);
  g_free (self->updated_at);
  g_free (self);
}

gboolean
cf_requirement_assessment_has_threat (const CfRequirementAssessment *self,
                                      gint                           number)
{
  for (guint i = 0; i < self->threats->len; i++)
    if (g_array_index (self->threats, gint, i) == number)
      return TRUE;

  return FALSE;
}

/* Implemented or verified: what a declaration may rely on. */
gboolean
cf_requirement_assessment_is_implemented (const CfRequirementAssessment *self)
{
  return self->status == CF_STATUS_IMPLEMENTED || self->status == CF_STATUS_VERIFIED;
}

static char *
trimmed_or_null (char *text)
{
  g_autofree char *owned = text;

  if (owned == NULL)
    return NULL;

  g_strstrip (owned);
  if (*owned == '\0')
    return NULL;

  return g_steal_pointer (&owned);
}

static gint
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const gint *) a - *(const gint *) b;
}

/**
 * cf_requirement_assessment_normalize:
 *
 * Trims the texts (blank becomes %NULL), drops blank and repeated
 * standards and sorts the threats, so equal assessments compare equal.
 */
void
cf_requirement_assessment_normalize (CfRequirementAssessment *self)
{
  g_autoptr(GPtrArray) standards = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) threats = g_array_new (FALSE, FALSE, sizeof (gint));

  self->justification = trimmed_or_null (self->justification);
  self->measures = trimmed_or_null (self->measures);

  for (guint i = 0; self->standards != NULL && self->standards[i] != NULL; i++)
    {
      g_autofree char *reference = g_strstrip (g_strdup (self->standards[i]));

      if (*reference == '\0' ||
          g_ptr_array_find_with_equal_func (standards, reference, g_str_equal, NULL))
        continue;
      g_ptr_array_add (standards, g_steal_pointer (&reference));
    }
  g_strfreev (self->standards);
  g_ptr_array_add (standards, NULL);
  self->standards = (GStrv) g_ptr_array_free (g_steal_pointer (&standards), FALSE);

  g_array_sort (self->threats, compare_int);
  for (guint i = 0; i < self->threats->len; i++)
    {
      gint number = g_array_index (self->threats, gint, i);

      if (threats->len == 0 || g_array_index (threats, gint, threats->len - 1) != number)
        g_array_append_val (threats, number);
    }
  g_array_set_size (self->threats, 0);
  g_array_append_vals (self->threats, threats->data, threats->len);
}

/**
 * cf_requirement_always_applies:
 *
 * Part II, vulnerability handling, binds the manufacturer of every product
 * (Article 13(8) and Annex I, Part II: "Manufacturers … shall"). Part I,
 * point (1) is the general duty the rest of Part I details and has no
 * "where applicable". Only the points of Part I (2) can be assessed as
 * not applicable (Article 13(3)).
 */
gboolean
cf_requirement_always_applies (const char *requirement)
{
  return g_str_has_prefix (requirement, "AnnexI.PartII.") ||
         g_strcmp0 (requirement, "AnnexI.PartI.1") == 0;
}

/**
 * cf_requirement_assessment_validate:
 * @catalogue: (nullable): to check that the requirement exists; the store,
 *   which has no catalogue, checks the rest
 * @complete: whether a justification is required now. The command line
 *   asks for a complete assessment at once; the window saves as the user
 *   types, and the readiness gate reports the justification still owed.
 *
 * Returns: %TRUE when the assessment can be stored; otherwise %FALSE with
 *   an error naming the field and what is wrong with it
 */
gboolean
cf_requirement_assessment_validate (const CfRequirementAssessment  *self,
                                    CfCatalogue                    *catalogue,
                                    gboolean                        complete,
                                    GError                        **error)
{
  g_autofree char *message = NULL;
  CfCatalogueItem *item = NULL;
  const char *ref;

  if (catalogue != NULL)
    item = self->requirement ? cf_catalogue_lookup (catalogue, self->requirement) : NULL;
  if (self->requirement == NULL ||
      (catalogue != NULL && (item == NULL || g_strcmp0 (cf_catalogue_item_get_kind (item), "requirement") != 0)))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("“%s” is not an essential requirement of Annex I. Requirements are "
                     "catalogue ids such as AnnexI.PartI.2.a or AnnexI.PartII.1."),
                   self->requirement ?: "");
      return FALSE;
    }
  ref = item ? cf_catalogue_item_get_ref (item) : self->requirement;

  if (!self->applies && g_str_has_prefix (self->requirement, "AnnexI.PartII."))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Applicable: %s (%s) cannot be assessed as not applicable. The "
                     "vulnerability handling requirements of Annex I, Part II bind the "
                     "manufacturer of every product with digital elements (Article 13(8))."),
                   self->requirement, ref);
      return FALSE;
    }
  if (!self->applies && cf_requirement_always_applies (self->requirement))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Applicable: %s (%s) cannot be assessed as not applicable. Every product "
                     "must have an appropriate level of cybersecurity based on the risks; only "
                     "the points of Annex I, Part I (2) can be found not applicable (Article 13(3))."),
                   self->requirement, ref);
      return FALSE;
    }

  if (complete && !self->applies && (self->justification == NULL || *self->justification == '\0'))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Justification: %s does not apply, so a justification is required: "
                     "Article 13(4) asks for a clear justification where an essential "
                     "requirement is not applicable."),
                   self->requirement);
      return FALSE;
    }

  if (self->justification != NULL && g_utf8_strlen (self->justification, -1) > MAX_TEXT)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Justification: at most %d characters are allowed."), MAX_TEXT);
      return FALSE;
    }
  if (self->measures != NULL && g_utf8_strlen (self->measures, -1) > MAX_TEXT)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Measures: at most %d characters are allowed."), MAX_TEXT);
      return FALSE;
    }
  if ((self->justification != NULL && !g_utf8_validate (self->justification, -1, NULL)) ||
      (self->measures != NULL && !g_utf8_validate (self->measures, -1, NULL)))
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                           _("The justification or the measures are not valid UTF-8 text."));
      return FALSE;
    }
  message = cf_field_check_characters (_("Justification"), self->justification, TRUE);
  if (message == NULL)
    message = cf_field_check_characters (_("Measures"), self->measures, TRUE);
  if (message != NULL)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT, message);
      return FALSE;
    }

  for (guint i = 0; self->standards != NULL && self->standards[i] != NULL; i++)
    if (!g_utf8_validate (self->standards[i], -1, NULL) ||
        g_utf8_strlen (self->standards[i], -1) > MAX_REFERENCE ||
        strchr (self->standards[i], '\n') != NULL)
      {
        g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                     _("Standard: “%s” is not a reference: give one line of at most %d characters, "
                       "e.g. “ETSI EN 303 645 V3.1.3, provision 5.3-2”."),
                     g_utf8_validate (self->standards[i], -1, NULL) ? self->standards[i] : "?",
                     MAX_REFERENCE);
        return FALSE;
      }

  for (guint i = 0; self->standards != NULL && self->standards[i] != NULL; i++)
    if ((message = cf_field_check_characters (_("Standard"), self->standards[i], FALSE)) != NULL)
      {
        g_set_error_literal (error, CF_ERROR, CF_ERROR_INVALID_INPUT, message);
        return FALSE;
      }

  return TRUE;
}

/**
 * cf_requirements_list:
 *
 * Returns: (transfer full) (element-type CfCatalogueItem): the essential
 *   requirements the assessment covers, Part I then Part II
 */
GPtrArray *
cf_requirements_list (CfCatalogue *catalogue)
{
  return cf_routing_list_requirements (catalogue);
}

/**
 * cf_requirement_short_ref:
 *
 * Returns: (transfer full): "I (2)(a)" for "Annex I, Part I, point (2)(a)"
 */
char *
cf_requirement_short_ref (CfCatalogueItem *item)
{
  const char *ref = cf_catalogue_item_get_ref (item);
  const char *point = ref ? strstr (ref, "point ") : NULL;

  if (ref == NULL)
    return g_strdup (cf_catalogue_item_get_id (item));
  if (point == NULL)
    return g_strdup (ref);

  return g_strdup_printf ("%s %s",
                          strstr (ref, "Part II") != NULL ? "II" : "I",
                          point + strlen ("point "));
}

/**
 * cf_requirement_list_standard_clauses:
 *
 * Returns: (transfer full) (element-type CfCatalogueItem): the clauses of
 *   harmonised and candidate standards the catalogue maps to @requirement
 */
GPtrArray *
cf_requirement_list_standard_clauses (CfCatalogue *catalogue,
                                      const char  *requirement)
{
  GPtrArray *clauses = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *items = cf_catalogue_get_items (catalogue, STANDARDS_SECTION);

  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CfCatalogueItem) item = g_list_model_get_item (items, i);
      g_auto(GStrv) covered = NULL;

      if (g_strcmp0 (cf_catalogue_item_get_kind (item), "standard-clause") != 0)
        continue;

      covered = g_strsplit (cf_catalogue_item_get_attribute (item, "requirements") ?: "", " ", -1);
      if (g_strv_contains ((const char * const *) covered, requirement))
        g_ptr_array_add (clauses, g_steal_pointer (&item));
    }

  return clauses;
}
