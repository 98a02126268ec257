/* cf-review.c — a notified body's review of a dossier
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-review"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cf-error.h"
#include "cf-field.h"
#include "cf-requirement-assessment.h"
#include "cf-review.h"

/* A member of a verified manifest is still whatever its author wrote: only
 * a string is taken, and made fit to show. */
static char *
dup_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return cf_field_dup_printable (json_node_get_string (node), FALSE);
}

/* The few facts the review list shows, from a verified manifest. */
static void
read_manifest_facts (GBytes   *manifest,
                     CfReview *review)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root, *object;
  JsonNode *node;

  /* cf_dossier_check() has parsed it already, safely. */
  if (!json_parser_load_from_data (parser, g_bytes_get_data (manifest, NULL),
                                   (gssize) g_bytes_get_size (manifest), NULL) ||
      (node = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  root = json_node_get_object (node);

  node = json_object_get_member (root, "product");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      object = json_node_get_object (node);
      node = json_object_get_member (object, "id");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_INT64)
        review->product_id = json_node_get_int (node);
      review->product_name = dup_string_member (object, "name");
    }

  node = json_object_get_member (root, "manufacturer");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    review->manufacturer_name = dup_string_member (json_node_get_object (node), "name");

  review->category = dup_string_member (root, "category");
  review->procedure = dup_string_member (root, "procedure");
}

/**
 * cf_review_open_dossier:
 * @expected_seal: (nullable): the seal the manufacturer communicated
 * @existed: (out) (optional): whether the dossier was reviewed here before
 *
 * Verifies a dossier and starts (or takes up again) its review in @store,
 * the reviewer's own project. Only an intact dossier is reviewed: when a
 * member is missing, extra or altered, or the signature does not hold, the
 * error lists every problem and nothing is stored.
 *
 * Returns: the review's id, or 0 with @error set
 */
gint64
cf_review_open_dossier (CfStore          *store,
                        GFile            *dossier,
                        const char       *expected_seal,
                        CfProgressFunc    progress,
                        gpointer          progress_data,
                        gboolean         *existed,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(CfDossierCheck) check = NULL;
  g_autoptr(CfReview) review = g_new0 (CfReview, 1);
  g_autoptr(CfAssessmentData) data = NULL;
  g_autofree char *shown = g_file_get_parse_name (dossier);

  check = cf_dossier_check (dossier, expected_seal, progress, progress_data, cancellable, error);
  if (check == NULL)
    return 0;

  if (check->problems->len > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      g_string_printf (message, _("“%s” cannot be reviewed: it is not intact."), shown);
      for (guint i = 0; i < check->problems->len; i++)
        g_string_append_printf (message, "\n%s", (const char *) g_ptr_array_index (check->problems, i));
      g_set_error_literal (error, CF_ERROR, CF_ERROR_MISMATCH, message->str);
      return 0;
    }

  /* A dossier from this version of Conformity holds the assessment; check
   * it now, so that a review never rests on one that cannot be read. */
  if (check->assessment != NULL)
    {
      g_autofree char *member = g_strdup_printf ("%s (%s)", shown, CF_ASSESSMENT_XML_MEMBER);

      data = cf_assessment_xml_read (g_bytes_get_data (check->assessment, NULL),
                                     g_bytes_get_size (check->assessment), member, error);
      if (data == NULL)
        return 0;
      review->assessment = g_strndup (g_bytes_get_data (check->assessment, NULL),
                                      g_bytes_get_size (check->assessment));
    }

  review->seal = g_strdup (check->seal);
  review->dossier_path = g_file_get_path (dossier);
  review->signer = g_strdup (check->signer);
  review->manifest = g_strndup (g_bytes_get_data (check->manifest, NULL),
                                g_bytes_get_size (check->manifest));
  read_manifest_facts (check->manifest, review);
  if (review->product_name == NULL)
    review->product_name = g_strdup (data != NULL ? data->product_name : "");

  return cf_store_add_review (store, review, existed, error);
}

/**
 * cf_review_resolve:
 * @review_id: a review's id, or 0 for the one opened last
 *
 * Returns: the id of the review meant, or 0 with @error set
 */
gint64
cf_review_resolve (CfStore  *store,
                   gint64    review_id,
                   GError  **error)
{
  g_autoptr(GPtrArray) reviews = NULL;

  if (review_id != 0)
    {
      g_autoptr(CfReview) review = cf_store_get_review (store, review_id, error);

      return review != NULL ? review_id : 0;
    }

  reviews = cf_store_list_reviews (store, error);
  if (reviews == NULL)
    return 0;

  if (reviews->len == 0)
    {
      g_set_error_literal (error, CF_ERROR, CF_ERROR_NOT_FOUND,
                           _("No dossier is under review in this project: open one first."));
      return 0;
    }

  return ((CfReview *) g_ptr_array_index (reviews, 0))->id;
}

/**
 * cf_review_load_assessment:
 *
 * Returns: (transfer full) (nullable): the assessment the dossier held, or
 *   %NULL without error when it held none
 */
CfAssessmentData *
cf_review_load_assessment (CfReview  *review,
                           GError   **error)
{
  if (review->assessment == NULL)
    return NULL;

  return cf_assessment_xml_read (review->assessment, strlen (review->assessment),
                                 CF_ASSESSMENT_XML_MEMBER, error);
}

/**
 * cf_review_list_members:
 * @prefix: (nullable): only members whose path starts so, e.g. "documents/"
 *
 * Returns: (transfer full) (element-type CfDossierMember): the members the
 *   dossier's manifest lists
 */
GPtrArray *
cf_review_list_members (CfReview    *review,
                        const char  *prefix,
                        GError     **error)
{
  g_autoptr(GBytes) manifest = g_bytes_new (review->manifest, strlen (review->manifest));
  g_autoptr(GPtrArray) members = cf_dossier_manifest_list_members (manifest, error);

  if (members == NULL)
    return NULL;

  if (prefix != NULL)
    for (guint i = members->len; i > 0; i--)
      {
        CfDossierMember *member = g_ptr_array_index (members, i - 1);

        if (!g_str_has_prefix (member->path, prefix))
          g_ptr_array_remove_index (members, i - 1);
      }

  return g_steal_pointer (&members);
}

/**
 * cf_review_check_finding:
 *
 * A finding must be about something the dossier holds: an essential
 * requirement of Annex I, or one of its documents.
 */
gboolean
cf_review_check_finding (CfReview         *review,
                         CfCatalogue      *catalogue,
                         const CfFinding  *finding,
                         GError          **error)
{
  if (!cf_finding_validate (finding, error))
    return FALSE;

  if (g_str_equal (finding->target_kind, CF_FINDING_TARGET_REQUIREMENT))
    {
      g_autoptr(GPtrArray) requirements = cf_requirements_list (catalogue);

      for (guint i = 0; i < requirements->len; i++)
        if (g_strcmp0 (cf_catalogue_item_get_id (g_ptr_array_index (requirements, i)),
                       finding->target) == 0)
          return TRUE;

      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("Requirement: “%s” is not an essential requirement of Annex I; "
                     "`conformity-cli catalogue` lists them."), finding->target);
      return FALSE;
    }
  else
    {
      g_autoptr(GPtrArray) documents = cf_review_list_members (review, "documents/", error);
      g_autoptr(GString) known = g_string_new (NULL);

      if (documents == NULL)
        return FALSE;

      for (guint i = 0; i < documents->len; i++)
        {
          CfDossierMember *member = g_ptr_array_index (documents, i);

          if (g_str_equal (member->path, finding->target))
            return TRUE;
          g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "", member->path);
        }

      if (documents->len == 0)
        g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                     _("Document: the dossier holds no documents, so “%s” is not one of them."),
                     finding->target);
      else
        g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                     _("Document: “%s” is not in the dossier; it holds %s."),
                     finding->target, known->str);
      return FALSE;
    }
}

/**
 * cf_review_add_finding:
 *
 * Checks the finding against the review's dossier and records it.
 *
 * Returns: its number, or 0 with @error set
 */
gint
cf_review_add_finding (CfStore      *store,
                       CfCatalogue  *catalogue,
                       gint64        review_id,
                       CfFinding    *finding,
                       GError      **error)
{
  g_autoptr(CfReview) review = cf_store_get_review (store, review_id, error);

  if (review == NULL || !cf_review_check_finding (review, catalogue, finding, error))
    return 0;

  return cf_store_add_review_finding (store, review_id, finding, error);
}

/**
 * cf_review_build_findings:
 *
 * Returns: (transfer full): the findings file to send the manufacturer
 */
CfFindingsFile *
cf_review_build_findings (CfStore  *store,
                          gint64    review_id,
                          GError  **error)
{
  g_autoptr(CfReview) review = cf_store_get_review (store, review_id, error);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CfFindingsFile) file = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (review == NULL)
    return NULL;

  findings = cf_store_list_review_findings (store, review_id, error);
  if (findings == NULL)
    return NULL;

  file = cf_findings_file_new ();
  file->seal = g_strdup (review->seal);
  file->product_id = review->product_id;
  file->product_name = g_strdup (review->product_name);
  file->manufacturer_name = g_strdup (review->manufacturer_name);
  file->reviewer = g_strdup (cf_store_get_actor (store));
  file->exported_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (file->findings, cf_finding_copy (g_ptr_array_index (findings, i)));

  return g_steal_pointer (&file);
}
