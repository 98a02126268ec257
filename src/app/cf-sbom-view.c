/* cf-sbom-view.c
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-sbom-view"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "cf-document-row.h"
#include "cf-sbom-check.h"
#include "cf-sbom-compare.h"
#include "cf-sbom-component-object.h"
#include "cf-sbom-view.h"

/* Findings listed in the window; the CLI's `sbom check` has them all. */
#define MAX_FINDINGS_SHOWN 200

struct _CfSbomView
{
  AdwBin               parent_instance;

  guint64              size_limit;    /* bytes; GSettings sbom-size-limit */

  /* Template widgets */
  GtkStack            *stack;
  GtkScrolledWindow   *page;
  AdwComboRow         *sbom_row;
  GtkWidget           *compare_button;
  AdwActionRow        *format_row;
  AdwActionRow        *product_version_row;
  AdwActionRow        *subject_row;
  AdwActionRow        *creator_row;
  AdwActionRow        *timestamp_row;
  AdwActionRow        *tools_row;
  AdwActionRow        *components_row;
  AdwActionRow        *evidence_row;
  GtkLabel            *sha256_title;
  GtkLabel            *sha256_label;
  AdwPreferencesGroup *quality_group;
  GtkLabel            *score_label;
  GtkLevelBar         *score_bar;
  GtkLabel            *score_detail;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *filter_dropdown;
  GtkStack            *components_stack;
  GtkColumnView       *column_view;
  GtkSpinner          *loading_spinner;
  GtkLabel            *none_label;
  GtkLabel            *count_label;
  GtkActionBar        *import_bar;
  GtkSpinner          *import_spinner;
  GtkLabel            *import_label;
  GtkWidget           *drop_overlay;

  CfContext           *context;
  gint64               product_id;
  GPtrArray           *sboms;          /* CfSbomInfo*, newest first; NULL before the first read */
  gint64               shown_id;       /* the SBOM whose components are shown or being read */
  gint64               select_id;      /* to show when the list is next read; 0 for the one shown */
  gboolean             filling;        /* the drop-down's items are being replaced */

  /* Components: all → sorted by the column headers → filtered → selection */
  GListStore          *components;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSingleSelection  *selection;
  char                *search;         /* case-folded; NULL when nothing is searched */
  gboolean             only_missing;

  CfSbomCheck         *check;          /* of the SBOM shown */
  GPtrArray           *quality_rows;   /* the rows update_quality() added */
  AdwExpanderRow      *missing_row;
  gboolean             missing_filled;

  GCancellable        *loading;        /* non-NULL while components are read */
  GCancellable        *importing;      /* non-NULL while a file is imported */
  char                *importing_name;
  GQueue               pending;        /* ImportJob*, waiting their turn */
};

G_DEFINE_FINAL_TYPE (CfSbomView, cf_sbom_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PRODUCT_ID,
  N_PROPS
};

enum {
  SIGNAL_ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

enum {
  COLUMN_NAME,
  COLUMN_VERSION,
  COLUMN_TYPE,
  COLUMN_SUPPLIER,
  COLUMN_LICENCE,
  COLUMN_IDENTIFIER,
  COLUMN_HASHES,
  COLUMN_DEPENDENCIES,
};

static const struct
{
  const char *title;
  const char *property;   /* of CfSbomComponentObject, to sort by */
  int         width;
  gboolean    expand;
} columns[] = {
  [COLUMN_NAME] = { N_("Name"), "name", 190, TRUE },
  [COLUMN_VERSION] = { N_("Version"), "version", 100, FALSE },
  [COLUMN_TYPE] = { N_("Type"), "type", 90, FALSE },
  [COLUMN_SUPPLIER] = { N_("Supplier"), "supplier", 130, FALSE },
  [COLUMN_LICENCE] = { N_("Licence"), "licences", 110, FALSE },
  [COLUMN_IDENTIFIER] = { N_("purl or CPE"), "identifier", 220, TRUE },
  [COLUMN_HASHES] = { N_("Hashes"), "hashes", 130, FALSE },
  [COLUMN_DEPENDENCIES] = { N_("Deps"), "n-dependencies", 64, FALSE },
};

static void start_next_import (CfSbomView *self);

static void
toast (CfSbomView *self,
       const char *title)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_timeout (t, 6);
  g_signal_emit (self, signals [SIGNAL_ADD_TOAST], 0, t);
}

static GtkWindow *
get_window (CfSbomView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static CfStore *
get_store (CfSbomView *self)
{
  return cf_context_get_store (self->context);
}

/* Descriptions, shared with the comparison */

/**
 * cf_sbom_view_format_number:
 *
 * Returns: (transfer full): @n with the locale's thousands separators,
 *   "1,234"
 */
char *
cf_sbom_view_format_number (guint n)
{
  return g_strdup_printf ("%'u", n);
}


/**
 * cf_sbom_view_describe:
 *
 * Returns: (transfer full): how the list of imported SBOMs names one:
 *   "2.4.1 — CycloneDX 1.4 (JSON), 2026-11-21 13:05, 1,234 components,
 *   bom.json"
 */
char *
cf_sbom_view_describe (const CfSbomInfo *info)
{
  g_autofree char *format = cf_sbom_format_describe (info->format, info->spec_version);
  g_autofree char *when = cf_format_timestamp (info->imported_at);
  g_autofree char *count = cf_sbom_view_format_number (info->component_count);
  const char *version = info->product_version;

  if (version == NULL || *version == '\0')
    version = _("No version");

  /* Translators: an imported SBOM: the product version it describes, its
   * format, when it was imported, its number of components and its file, e.g.
   * "2.4.1 — CycloneDX 1.4 (JSON), 2026-11-21 13:05, 1,234 components, bom.json" */
  return g_strdup_printf (ngettext ("%s — %s, %s, %s component, %s", "%s — %s, %s, %s components, %s",
                                    info->component_count),
                          version, format, when, count, info->file_name ? info->file_name : "");
}

/* Summary */

static void
set_property_row (AdwActionRow *row,
                  const char   *value)
{
  gboolean given = value != NULL && *value != '\0';

  adw_action_row_set_subtitle (row, given ? value : _("Not given"));
  if (given)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "unset");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "unset");
}

static const CfSbomInfo *
get_shown_info (CfSbomView *self)
{
  for (guint i = 0; self->sboms != NULL && i < self->sboms->len; i++)
    {
      const CfSbomInfo *info = g_ptr_array_index (self->sboms, i);

      if (info->id == self->shown_id)
        return info;
    }

  return NULL;
}

static void
update_summary (CfSbomView       *self,
                const CfSbomInfo *info)
{
  g_autofree char *format = cf_sbom_format_describe (info->format, info->spec_version);
  g_autofree char *subject = NULL;
  g_autofree char *timestamp = info->timestamp ? cf_format_timestamp (info->timestamp) : NULL;
  g_autofree char *count = cf_sbom_view_format_number (info->component_count);
  g_autofree char *evidence = NULL;
  g_autofree char *sha_title = NULL;

  if (info->subject_name != NULL && info->subject_version != NULL)
    /* Translators: what an SBOM describes: a name and a version, e.g. "Smart Lock firmware 2.4.1" */
    subject = g_strdup_printf (_("%s %s"), info->subject_name, info->subject_version);
  else
    subject = g_strdup (info->subject_name);

  /* Translators: an evidence item, its version and the file it keeps, e.g. "E12, version 2: bom.json" */
  evidence = g_strdup_printf (_("E%" PRId64 ", version %d: %s"), info->evidence_id, info->evidence_version,
                              info->file_name ? info->file_name : "");
  /* Translators: %s is a file name */
  sha_title = g_strdup_printf (_("SHA-256 of “%s”"), info->file_name ? info->file_name : "");

  set_property_row (self->format_row, format);
  set_property_row (self->product_version_row, info->product_version);
  set_property_row (self->subject_row, subject);
  set_property_row (self->creator_row, info->creator);
  set_property_row (self->timestamp_row, timestamp);
  set_property_row (self->tools_row, info->tools);
  set_property_row (self->components_row, count);
  set_property_row (self->evidence_row, evidence);
  /* The target first: the action takes one. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->evidence_row), "x", info->evidence_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->evidence_row), "win.show-evidence");
  gtk_label_set_text (self->sha256_title, sha_title);
  gtk_label_set_text (self->sha256_label, info->sha256 ? info->sha256 : "");
}

/* Quality */

static const char *
level_label (CfSbomLevel level)
{
  return level == CF_SBOM_LEVEL_REQUIRED ? _("Required") : _("Recommended");
}

static void
clear_quality (CfSbomView *self)
{
  for (guint i = 0; i < self->quality_rows->len; i++)
    adw_preferences_group_remove (self->quality_group, g_ptr_array_index (self->quality_rows, i));
  g_ptr_array_set_size (self->quality_rows, 0);
  self->missing_row = NULL;
  self->missing_filled = FALSE;

  gtk_label_set_text (self->score_label, "…");
  gtk_level_bar_set_value (self->score_bar, 0);
  gtk_label_set_text (self->score_detail, _("Checking…"));
}

static GtkWidget *
level_icon (gboolean    met,
            CfSbomLevel level)
{
  GtkWidget *icon;

  if (met)
    {
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, "success");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Met"), -1);
    }
  else if (level == CF_SBOM_LEVEL_REQUIRED)
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Required field missing"), -1);
    }
  else
    {
      icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Recommended field missing"), -1);
    }

  return icon;
}

/* The findings as text, one a line, in one widget: hundreds of rows would
 * make the expander stutter as it opens. Text can be selected and copied
 * into a ticket, too. */
static void
fill_missing (CfSbomView *self)
{
  GPtrArray *findings = self->check->findings;
  guint shown = MIN (findings->len, MAX_FINDINGS_SHOWN);
  GtkWidget *row, *box, *scrolled, *text_view;
  GtkTextBuffer *buffer;
  GtkTextIter end;

  if (self->missing_filled)
    return;
  self->missing_filled = TRUE;

  text_view = gtk_text_view_new ();
  gtk_widget_set_name (text_view, "findings");
  gtk_text_view_set_editable (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (text_view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What is missing"), -1);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  gtk_text_buffer_create_tag (buffer, "level", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_get_end_iter (buffer, &end);
  for (guint i = 0; i < shown; i++)
    {
      const CfSbomFinding *finding = g_ptr_array_index (findings, i);

      if (i > 0)
        gtk_text_buffer_insert (buffer, &end, "\n", 1);
      /* Translators: before a finding, e.g. "Required: The SBOM has no timestamp." */
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end,
                                                finding->level == CF_SBOM_LEVEL_REQUIRED ? _("Required: ")
                                                                                         : _("Recommended: "),
                                                -1, "level", NULL);
      gtk_text_buffer_insert (buffer, &end, finding->message, -1);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* A text view knows its height only once it has laid out its lines:
   * room for them all, up to a screenful, from the start. */
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), MIN (24 + 28 * (int) shown, 400));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), scrolled);

  if (findings->len > shown)
    {
      g_autofree char *more = cf_sbom_view_format_number (findings->len - shown);
      g_autofree char *text = NULL;
      GtkWidget *label;

      /* Translators: after the first 200 things an SBOM lacks; the numbers in
       * the command are a product's and an SBOM's ids */
      text = g_strdup_printf (ngettext ("And %s more. The command line lists them all: "
                                        "“conformity-cli sbom check %" PRId64 " --sbom %" PRId64 "”.",
                                        "And %s more. The command line lists them all: "
                                        "“conformity-cli sbom check %" PRId64 " --sbom %" PRId64 "”.",
                                        findings->len - shown),
                              more, self->product_id, self->shown_id);
      label = gtk_label_new (text);
      gtk_widget_set_name (label, "more-findings");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (GTK_BOX (box), label);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  adw_expander_row_add_row (self->missing_row, row);
}

static void
missing_expanded_cb (CfSbomView     *self,
                     GParamSpec     *pspec,
                     AdwExpanderRow *row)
{
  if (self->check != NULL && row == self->missing_row && adw_expander_row_get_expanded (row))
    fill_missing (self);
}

static void
add_quality_row (CfSbomView *self,
                 GtkWidget  *row)
{
  g_ptr_array_add (self->quality_rows, row);
  adw_preferences_group_add (self->quality_group, row);
}

/* What the check says of a field of the SBOM itself. */
static const char *
find_sbom_finding (CfSbomCheck *check,
                   const char  *id)
{
  for (guint i = 0; i < check->findings->len; i++)
    {
      const CfSbomFinding *finding = g_ptr_array_index (check->findings, i);

      if (finding->component >= 0)
        break;
      if (g_strcmp0 (finding->id, id) == 0)
        return finding->message;
    }

  return NULL;
}

static void
update_quality (CfSbomView *self)
{
  CfSbomCheck *check = self->check;
  g_autofree char *score = NULL;
  g_autofree char *required = NULL;
  g_autofree char *recommended = NULL;
  g_autofree char *detail = NULL;
  guint n_required = 0;

  clear_quality (self);
  if (check == NULL)
    return;

  /* Translators: the quality score of an SBOM, out of 100 */
  score = g_strdup_printf (_("%u/100"), check->score);
  gtk_label_set_text (self->score_label, score);
  gtk_level_bar_set_value (self->score_bar, check->score);
  required = g_strdup_printf (ngettext ("%u of %u required check met", "%u of %u required checks met",
                                        check->n_required_checks),
                              check->n_required_met, check->n_required_checks);
  recommended = g_strdup_printf (ngettext ("%u of %u recommended check met",
                                           "%u of %u recommended checks met", check->n_recommended_checks),
                                 check->n_recommended_met, check->n_recommended_checks);
  /* Translators: "120 of 300 required checks met" and "40 of 100 recommended checks met" */
  detail = g_strdup_printf (_("%s; %s"), required, recommended);
  gtk_label_set_text (self->score_detail, detail);

  for (guint i = 0; check->fields != NULL && i < check->fields->len; i++)
    {
      const CfSbomFieldSummary *field = g_ptr_array_index (check->fields, i);
      GtkWidget *row = adw_action_row_new ();
      gboolean met = field->met >= field->checked;
      g_autofree char *subtitle = NULL;

      if (field->checked == 0)
        /* Translators: a field the check does not apply to this SBOM (its
         * format lacks it, or it depends on another that is missing), e.g.
         * "Required — not checked for this SBOM" */
        subtitle = g_strdup_printf (_("%s — not checked for this SBOM"), level_label (field->level));
      else if (g_str_has_prefix (field->id, "sbom."))
        {
          const char *why = met ? _("met") : find_sbom_finding (check, field->id);

          /* Translators: a field of the SBOM itself: "Required — met", or
           * "Required — " and what is wrong */
          subtitle = g_strdup_printf (_("%s — %s"), level_label (field->level), why ? why : _("not met"));
        }
      else
        {
          g_autofree char *n_met = cf_sbom_view_format_number (field->met);
          g_autofree char *n_checked = cf_sbom_view_format_number (field->checked);

          /* Translators: a field of the components: "Required — 120 of 300 components" */
          subtitle = g_strdup_printf (ngettext ("%s — %s of %s component", "%s — %s of %s components",
                                                field->checked),
                                      level_label (field->level), n_met, n_checked);
        }

      gtk_widget_set_name (row, field->id);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (field->checked == 0)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("action-unavailable-symbolic");

          gtk_widget_add_css_class (icon, "dim-label");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Not checked"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      else
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), level_icon (met, field->level));
      add_quality_row (self, row);
    }

  for (guint i = 0; i < check->findings->len; i++)
    n_required += ((CfSbomFinding *) g_ptr_array_index (check->findings, i))->level == CF_SBOM_LEVEL_REQUIRED;

  if (check->findings->len > 0)
    {
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *n_text = cf_sbom_view_format_number (check->findings->len);
      g_autofree char *r_text = cf_sbom_view_format_number (n_required);
      g_autofree char *subtitle = NULL;

      /* Translators: e.g. "1,234 findings, 56 of them required" */
      subtitle = g_strdup_printf (ngettext ("%s finding, %s of them required", "%s findings, %s of them required",
                                            check->findings->len),
                                  n_text, r_text);
      gtk_widget_set_name (row, "missing");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("What is missing"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      self->missing_row = ADW_EXPANDER_ROW (row);
      g_signal_connect_object (row, "notify::expanded", G_CALLBACK (missing_expanded_cb), self,
                               G_CONNECT_SWAPPED);
      add_quality_row (self, row);
    }
}

/* Components */

static void
update_count (CfSbomView *self)
{
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->components));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *all_text = cf_sbom_view_format_number (all);
  g_autofree char *shown_text = cf_sbom_view_format_number (shown);
  g_autofree char *count = NULL;

  if (self->loading != NULL)
    {
      gtk_label_set_text (self->count_label, "");
      return;
    }

  /* Translators: how many components the list shows, of all the SBOM's */
  count = g_strdup_printf (ngettext ("%s of %s component", "%s of %s components", all), shown_text, all_text);
  gtk_label_set_text (self->count_label, count);

  if (all == 0)
    {
      gtk_label_set_text (self->none_label, _("This SBOM lists no components."));
      gtk_stack_set_visible_child_name (self->components_stack, "none");
    }
  else if (shown == 0)
    {
      gtk_label_set_text (self->none_label, self->only_missing && self->search == NULL
                                            ? _("Every component has all the required fields.")
                                            : _("No component matches."));
      gtk_stack_set_visible_child_name (self->components_stack, "none");
    }
  else
    gtk_stack_set_visible_child_name (self->components_stack, "list");
}

static void
filtered_changed_cb (CfSbomView *self)
{
  update_count (self);
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  CfSbomView *self = user_data;

  if (self->only_missing && cf_sbom_component_object_get_missing (item) == NULL)
    return FALSE;

  return cf_sbom_component_object_matches (item, self->search);
}

static void
search_changed_cb (CfSbomView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = *text != '\0' ? g_utf8_casefold (text, -1) : NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (folded, self->search) == 0)
    return;

  /* Typing on narrows what is shown, deleting widens it: the filter then
   * looks only at the rows that can change. */
  if (self->search == NULL || (folded != NULL && strstr (folded, self->search) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (folded == NULL || strstr (self->search, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
filter_selected_cb (CfSbomView *self)
{
  gboolean only_missing = gtk_drop_down_get_selected (self->filter_dropdown) == 1;

  if (only_missing == self->only_missing)
    return;

  self->only_missing = only_missing;
  gtk_filter_changed (GTK_FILTER (self->filter),
                      only_missing ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
set_text (GtkWidget  *label,
          const char *text)
{
  gboolean given = text != NULL && *text != '\0';

  gtk_label_set_text (GTK_LABEL (label), given ? text : "—");
  if (given)
    gtk_widget_remove_css_class (label, "dim-label");
  else
    gtk_widget_add_css_class (label, "dim-label");
}

static GtkWidget *
new_cell_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

/* What a cell's tooltip says: the whole value, and more than the cell
 * shows. Made when asked for: setting a tooltip on every cell as it is
 * bound costs more than all the rest of binding (GTK 4.8 makes some 200
 * rows at a time). */
static char *
describe_cell (guint                  column,
               CfSbomComponentObject *object)
{
  const CfSbomComponent *c = cf_sbom_component_object_get_component (object);

  switch (column)
    {
    case COLUMN_NAME:
      {
        const char *missing = cf_sbom_component_object_get_missing (object);

        if (missing != NULL)
          /* Translators: a component's name, then the fields it lacks, e.g. "SHA-512 hash, Licence" */
          return g_strdup_printf (_("%s\nLacks required fields: %s"), c->name, missing);
        return g_strdup (c->name);
      }

    case COLUMN_VERSION:
      return g_strdup (c->version);

    case COLUMN_TYPE:
      return g_strdup (c->type);

    case COLUMN_SUPPLIER:
      return g_strdup (c->supplier);

    case COLUMN_LICENCE:
      return g_strdup (c->licences);

    case COLUMN_IDENTIFIER:
      if (c->purl != NULL && c->cpe != NULL)
        return g_strdup_printf ("%s\n%s", c->purl, c->cpe);
      return g_strdup (cf_sbom_component_object_get_identifier (object));

    case COLUMN_HASHES:
      {
        g_autoptr(GString) text = g_string_new (NULL);

        for (guint i = 0; c->hashes != NULL && i < c->hashes->len; i++)
          {
            const CfSbomHash *hash = g_ptr_array_index (c->hashes, i);

            if (text->len > 0)
              g_string_append_c (text, '\n');
            g_string_append_printf (text, "%s %s", hash->algorithm, hash->value);
          }
        return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
      }

    case COLUMN_DEPENDENCIES:
      {
        gint n = cf_sbom_component_object_get_n_dependencies (object);

        if (n < 0)
          return g_strdup (_("The SBOM does not say what this component depends on"));
        return g_strdup_printf (ngettext ("Depends on %d component", "Depends on %d components", n), n);
      }

    default:
      return NULL;
    }
}

static gboolean
query_tooltip_cb (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip,
                  GtkListItem *item)
{
  CfSbomComponentObject *object = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (object == NULL)
    return FALSE;

  text = describe_cell (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "column")), object);
  if (text == NULL || *text == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  column)
{
  GtkWidget *label = new_cell_label ();
  GtkWidget *child = label;

  if (GPOINTER_TO_INT (column) == COLUMN_NAME)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Lacks required fields"), -1);
      gtk_box_append (GTK_BOX (child), icon);
      gtk_box_append (GTK_BOX (child), label);
    }
  else if (GPOINTER_TO_INT (column) == COLUMN_DEPENDENCIES)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      /* Clear of the overlay scroll bar */
      gtk_widget_set_margin_end (label, 8);
      gtk_widget_add_css_class (label, "numeric");
    }

  /* The list item lives as long as its child. */
  g_object_set_data (G_OBJECT (child), "column", column);
  gtk_widget_set_has_tooltip (child, TRUE);
  g_signal_connect (child, "query-tooltip", G_CALLBACK (query_tooltip_cb), item);
  gtk_list_item_set_child (item, child);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  column)
{
  CfSbomComponentObject *object = gtk_list_item_get_item (item);
  const CfSbomComponent *c = cf_sbom_component_object_get_component (object);
  GtkWidget *child = gtk_list_item_get_child (item);

  switch (GPOINTER_TO_INT (column))
    {
    case COLUMN_NAME:
      set_text (gtk_widget_get_last_child (child), c->name);
      gtk_widget_set_visible (gtk_widget_get_first_child (child),
                              cf_sbom_component_object_get_missing (object) != NULL);
      break;

    case COLUMN_VERSION:
      set_text (child, c->version);
      break;

    case COLUMN_TYPE:
      set_text (child, c->type);
      break;

    case COLUMN_SUPPLIER:
      set_text (child, c->supplier);
      break;

    case COLUMN_LICENCE:
      set_text (child, c->licences);
      break;

    case COLUMN_IDENTIFIER:
      set_text (child, cf_sbom_component_object_get_identifier (object));
      break;

    case COLUMN_HASHES:
      set_text (child, cf_sbom_component_object_get_hashes (object));
      break;

    case COLUMN_DEPENDENCIES:
      {
        gint n = cf_sbom_component_object_get_n_dependencies (object);
        char text[16];

        g_snprintf (text, sizeof text, "%d", n);
        set_text (child, n < 0 ? NULL : text);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
add_columns (CfSbomView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;
      GtkExpression *expression;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));

      expression = gtk_property_expression_new (CF_TYPE_SBOM_COMPONENT_OBJECT, NULL, columns[i].property);
      if (i == COLUMN_DEPENDENCIES)
        sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
      else
        sorter = GTK_SORTER (gtk_string_sorter_new (expression));

      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* Reading an SBOM's components, in a worker thread */

typedef struct
{
  CfStore *store;
  gint64   sbom_id;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *d = data;

  g_object_unref (d->store);
  g_free (d);
}

typedef struct
{
  GPtrArray   *objects;   /* CfSbomComponentObject*, in the SBOM's order */
  CfSbomCheck *check;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_clear_pointer (&loaded->objects, g_ptr_array_unref);
  g_clear_pointer (&loaded->check, cf_sbom_check_free);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *d = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSbom) sbom = NULL;
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  Loaded *loaded;
  gpointer *components;
  gsize n_components;

  sbom = cf_store_load_sbom (d->store, d->sbom_id, &error);
  if (sbom == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  loaded = g_new0 (Loaded, 1);
  loaded->check = cf_sbom_check (sbom);
  for (guint i = 0; loaded->check->fields != NULL && i < loaded->check->fields->len; i++)
    {
      const CfSbomFieldSummary *field = g_ptr_array_index (loaded->check->fields, i);

      g_hash_table_insert (labels, (gpointer) field->id, (gpointer) field->label);
    }

  /* The objects own the components from now on. */
  components = g_ptr_array_steal (sbom->components, &n_components);
  loaded->objects = g_ptr_array_new_full (n_components, g_object_unref);
  for (gsize i = 0; i < n_components; i++)
    g_ptr_array_add (loaded->objects, cf_sbom_component_object_new (components[i], i));
  g_free (components);

  /* "Missing required fields" lists the components with a required finding. */
  for (guint i = 0; i < loaded->check->findings->len; i++)
    {
      const CfSbomFinding *finding = g_ptr_array_index (loaded->check->findings, i);
      const char *label;
      CfSbomComponentObject *object;
      const char *missing;

      if (finding->level != CF_SBOM_LEVEL_REQUIRED || finding->component < 0 ||
          (guint) finding->component >= loaded->objects->len)
        continue;

      object = g_ptr_array_index (loaded->objects, finding->component);
      label = g_hash_table_lookup (labels, finding->id);
      if (label == NULL)
        label = finding->id;
      missing = cf_sbom_component_object_get_missing (object);
      if (missing == NULL || strstr (missing, label) == NULL)
        cf_sbom_component_object_add_missing (object, label);
    }

  if (g_task_return_error_if_cancelled (task))
    {
      loaded_free (loaded);
      return;
    }
  g_task_return_pointer (task, loaded, loaded_free);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CfSbomView *self = CF_SBOM_VIEW (source);
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  Loaded *loaded;

  loaded = g_task_propagate_pointer (task, &error);

  /* Disposed, or another SBOM was chosen meanwhile: its reading shows. */
  if (self->context == NULL || g_task_get_cancellable (task) != self->loading)
    {
      g_clear_pointer (&loaded, loaded_free);
      return;
    }

  g_clear_object (&self->loading);
  gtk_spinner_stop (self->loading_spinner);

  if (loaded == NULL)
    {
      gtk_label_set_text (self->none_label, error->message);
      gtk_stack_set_visible_child_name (self->components_stack, "none");
      gtk_label_set_text (self->score_detail, error->message);
      update_count (self);
      return;
    }

  self->check = g_steal_pointer (&loaded->check);
  g_list_store_splice (self->components, 0, g_list_model_get_n_items (G_LIST_MODEL (self->components)),
                       loaded->objects->pdata, loaded->objects->len);
  loaded_free (loaded);

  update_quality (self);
  update_count (self);
}

static void
load_components (CfSbomView *self,
                 gint64      sbom_id)
{
  g_autoptr(GTask) task = NULL;
  LoadData *d;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->check, cf_sbom_check_free);
  g_list_store_remove_all (self->components);
  self->shown_id = sbom_id;
  clear_quality (self);

  if (sbom_id == 0)
    {
      update_count (self);
      return;
    }

  self->loading = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->components_stack, "loading");
  gtk_spinner_start (self->loading_spinner);
  update_count (self);

  d = g_new0 (LoadData, 1);
  d->store = g_object_ref (get_store (self));
  d->sbom_id = sbom_id;

  task = g_task_new (self, self->loading, loaded_cb, NULL);
  g_task_set_source_tag (task, load_components);
  g_task_set_task_data (task, d, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/* The list of imported SBOMs */

static void
show_position (CfSbomView *self,
               guint       position)
{
  const CfSbomInfo *info;

  if (self->sboms == NULL || position >= self->sboms->len)
    return;

  info = g_ptr_array_index (self->sboms, position);
  update_summary (self, info);
  if (info->id != self->shown_id)
    load_components (self, info->id);
}

static void
sbom_selected_cb (CfSbomView *self)
{
  if (!self->filling)
    show_position (self, adw_combo_row_get_selected (self->sbom_row));
}

static void
update_actions (CfSbomView *self)
{
  gboolean can_compare = self->sboms != NULL && self->sboms->len >= 2;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sbom.import", self->product_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sbom.cancel-import", self->importing != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sbom.compare", can_compare);
  gtk_widget_set_tooltip_text (self->compare_button,
                               can_compare ? _("What changed between two imported SBOMs")
                                           : _("Import a second SBOM of this product to compare the two"));
}

static void
reload (CfSbomView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = NULL;
  GPtrArray *sboms = NULL;
  gint64 wanted;
  guint position = 0;

  if (self->product_id != 0)
    {
      sboms = cf_store_list_sboms (get_store (self), self->product_id, &error);
      if (sboms == NULL)
        {
          /* What is shown stays: the message says why it is not new. */
          toast (self, error->message);
          return;
        }
    }

  g_clear_pointer (&self->sboms, g_ptr_array_unref);
  self->sboms = sboms;
  update_actions (self);

  if (self->sboms == NULL || self->sboms->len == 0)
    {
      self->select_id = 0;
      load_components (self, 0);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  wanted = self->select_id != 0 ? self->select_id : self->shown_id;
  self->select_id = 0;
  labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < self->sboms->len; i++)
    {
      const CfSbomInfo *info = g_ptr_array_index (self->sboms, i);
      g_autofree char *label = cf_sbom_view_describe (info);

      gtk_string_list_append (labels, label);
      if (info->id == wanted)
        position = i;
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->sbom_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->sbom_row, position);
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "sbom");
  show_position (self, position);
}

static void
store_changed_cb (CfSbomView *self,
                  gint64      id,
                  CfStore    *store)
{
  /* Disposed, the view has nothing to show it in. */
  if (self->context != NULL && self->product_id != 0 && id == self->product_id)
    reload (self);
}

/* Importing */

typedef struct
{
  GFile  *file;
  gint64  product_id;   /* the product shown when the file was chosen */
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_object_unref (job->file);
  g_free (job);
}

typedef struct
{
  CfSbomView *self;
  ImportJob  *job;
} ImportCall;

static void
update_import_bar (CfSbomView *self)
{
  g_autofree char *text = NULL;
  guint waiting = g_queue_get_length (&self->pending);

  gtk_action_bar_set_revealed (self->import_bar, self->importing != NULL);
  if (self->importing == NULL)
    {
      gtk_spinner_stop (self->import_spinner);
      return;
    }

  gtk_spinner_start (self->import_spinner);
  if (waiting == 0)
    /* Translators: %s is a file name */
    text = g_strdup_printf (_("Importing “%s”…"), self->importing_name);
  else
    /* Translators: a file name, then how many more files wait */
    text = g_strdup_printf (ngettext ("Importing “%s”… (%u more waiting)", "Importing “%s”… (%u more waiting)",
                                      waiting),
                            self->importing_name, waiting);
  gtk_label_set_text (self->import_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->import_label), text);
}

static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  /* libadwaita 1.2 may emit "response" twice: nothing to decide anyway. */
  g_signal_handlers_disconnect_by_func (dialog, error_response_cb, user_data);
}

static void
show_import_error (CfSbomView *self,
                   const char *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), _("Could Not Import the SBOM"),
                                                       message));
  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect (dialog, "response", G_CALLBACK (error_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ImportCall *call = user_data;
  g_autoptr(CfSbomView) self = call->self;
  CfStore *store = CF_STORE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (call->job->file);
  gint64 id;

  id = cf_store_import_sbom_finish (store, result, &error);
  g_clear_object (&self->importing);
  g_clear_pointer (&self->importing_name, g_free);

  /* Disposed meanwhile: nothing to show it in. */
  if (self->context == NULL)
    {
      import_job_free (call->job);
      g_free (call);
      return;
    }

  if (id == 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = NULL;

          /* Translators: %s is a file name */
          text = g_strdup_printf (_("Import of “%s” cancelled: nothing was stored"), name);
          toast (self, text);
        }
      else
        show_import_error (self, error->message);
    }
  else
    {
      g_autoptr(CfSbomInfo) info = cf_store_get_sbom_info (store, id, NULL);
      guint n = info ? info->component_count : 0;
      g_autofree char *count = cf_sbom_view_format_number (n);
      g_autofree char *text = NULL;

      /* Translators: a number of components, then a file name */
      text = g_strdup_printf (ngettext ("Imported %s component from %s", "Imported %s components from %s", n),
                              count, name);
      toast (self, text);

      /* The new SBOM is shown from its top, unless another product is by now. */
      if (call->job->product_id == self->product_id)
        {
          self->select_id = id;
          reload (self);
          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->page), 0);
        }
    }

  import_job_free (call->job);
  g_free (call);

  start_next_import (self);
}

static void
start_next_import (CfSbomView *self)
{
  ImportJob *job;
  ImportCall *call;

  if (self->importing == NULL && (job = g_queue_pop_head (&self->pending)) != NULL)
    {
      CfSbomLimits limits;

      self->importing = g_cancellable_new ();
      self->importing_name = g_file_get_basename (job->file);

      call = g_new0 (ImportCall, 1);
      call->self = g_object_ref (self);
      call->job = job;
      cf_sbom_limits_init_default (&limits);
      if (self->size_limit > 0)
        limits.max_size = self->size_limit;
      cf_store_import_sbom_async (get_store (self), job->product_id, job->file, NULL, &limits, self->importing,
                                  imported_cb, call);
    }

  update_import_bar (self);
  update_actions (self);
}

static void
cancel_import_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CfSbomView *self = CF_SBOM_VIEW (widget);

  /* The files waiting go too: the user stopped the import. */
  g_queue_clear_full (&self->pending, import_job_free);
  g_cancellable_cancel (self->importing);
  update_import_bar (self);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(CfSbomView) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->context != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        cf_sbom_view_import_file (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static GtkFileFilter *
new_filter (const char         *name,
            const char * const *mime_types,
            const char * const *suffixes)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; suffixes != NULL && suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);

  return filter;
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CfSbomView *self = CF_SBOM_VIEW (widget);
  static const char * const json_types[] = { "application/json", "application/ld+json", NULL };
  static const char * const json_suffixes[] = { "json", "jsonld", NULL };
  static const char * const xml_types[] = { "application/xml", "text/xml", NULL };
  static const char * const xml_suffixes[] = { "xml", NULL };
  static const char * const all_types[] = { "application/json", "application/ld+json", "application/xml",
                                            "text/xml", NULL };
  static const char * const all_suffixes[] = { "json", "jsonld", "xml", NULL };
  static const char * const everything[] = { "*", NULL };
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) sboms = NULL;
  g_autoptr(GtkFileFilter) json = NULL;
  g_autoptr(GtkFileFilter) xml = NULL;
  g_autoptr(GtkFileFilter) any = gtk_file_filter_new ();

  if (self->product_id == 0)
    return;

  sboms = new_filter (_("SBOM Files (JSON, XML)"), all_types, all_suffixes);
  json = new_filter (_("JSON"), json_types, json_suffixes);
  xml = new_filter (_("XML"), xml_types, xml_suffixes);
  gtk_file_filter_set_name (any, _("All Files"));
  gtk_file_filter_add_pattern (any, everything[0]);

  dialog = gtk_file_chooser_native_new (_("Import SBOM"), get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), sboms);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), xml);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), any);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), sboms);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
compare_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  cf_sbom_view_compare (CF_SBOM_VIEW (widget));
}

static void
copy_sha256_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CfSbomView *self = CF_SBOM_VIEW (widget);
  const CfSbomInfo *info = get_shown_info (self);

  if (info == NULL || info->sha256 == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), info->sha256);
  toast (self, _("SHA-256 copied"));
}

/* Dropping files */

static GdkDragAction
drop_enter_cb (CfSbomView    *self,
               double         x,
               double         y,
               GtkDropTarget *target)
{
  if (self->product_id == 0)
    return 0;

  gtk_widget_set_visible (self->drop_overlay, TRUE);
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (CfSbomView    *self,
               GtkDropTarget *target)
{
  gtk_widget_set_visible (self->drop_overlay, FALSE);
}

static gboolean
drop_cb (CfSbomView    *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  gtk_widget_set_visible (self->drop_overlay, FALSE);

  if (self->product_id == 0)
    return FALSE;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      for (GSList *l = files; l != NULL; l = l->next)
        cf_sbom_view_import_file (self, l->data);
      g_slist_free (files);
      return files != NULL;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      cf_sbom_view_import_file (self, g_value_get_object (value));
      return TRUE;
    }

  return FALSE;
}

/* GObject */

static void
cf_sbom_view_constructed (GObject *object)
{
  CfSbomView *self = CF_SBOM_VIEW (object);
  CfStore *store = get_store (self);

  G_OBJECT_CLASS (cf_sbom_view_parent_class)->constructed (object);

  /* Importing an SBOM also adds evidence; removing the evidence may take
   * the SBOM with it. */
  g_signal_connect_object (store, "changed::sbom", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::evidence", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
cf_sbom_view_dispose (GObject *object)
{
  CfSbomView *self = CF_SBOM_VIEW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_queue_clear_full (&self->pending, import_job_free);
  g_cancellable_cancel (self->importing);
  g_clear_object (&self->importing);

  /* The column view may still report while the models go. */
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->components);
  g_clear_pointer (&self->check, cf_sbom_check_free);
  g_clear_pointer (&self->sboms, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_sbom_view_parent_class)->dispose (object);
}

static void
cf_sbom_view_finalize (GObject *object)
{
  CfSbomView *self = CF_SBOM_VIEW (object);

  g_clear_pointer (&self->quality_rows, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->importing_name, g_free);

  G_OBJECT_CLASS (cf_sbom_view_parent_class)->finalize (object);
}

static void
cf_sbom_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CfSbomView *self = CF_SBOM_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_sbom_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CfSbomView *self = CF_SBOM_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_PRODUCT_ID:
      cf_sbom_view_set_product_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_sbom_view_class_init (CfSbomViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_sbom_view_constructed;
  object_class->dispose = cf_sbom_view_dispose;
  object_class->finalize = cf_sbom_view_finalize;
  object_class->get_property = cf_sbom_view_get_property;
  object_class->set_property = cf_sbom_view_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CF_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfSbomView::add-toast:
   * @toast: the toast to show
   *
   * The view reports through the window's toast overlay.
   */
  signals [SIGNAL_ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_install_action (widget_class, "sbom.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "sbom.cancel-import", NULL, cancel_import_action_cb);
  gtk_widget_class_install_action (widget_class, "sbom.compare", NULL, compare_action_cb);
  gtk_widget_class_install_action (widget_class, "sbom.copy-sha256", NULL, copy_sha256_action_cb);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cf-sbom-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, stack);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, page);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, sbom_row);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, compare_button);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, format_row);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, product_version_row);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, subject_row);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, creator_row);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, timestamp_row);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, tools_row);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, components_row);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, sha256_title);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, sha256_label);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, quality_group);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, score_label);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, score_bar);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, score_detail);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, components_stack);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, none_label);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, count_label);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, import_bar);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, import_spinner);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, import_label);
  gtk_widget_class_bind_template_child (widget_class, CfSbomView, drop_overlay);
  gtk_widget_class_bind_template_callback (widget_class, sbom_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_selected_cb);
}

static void
cf_sbom_view_init (CfSbomView *self)
{
  GtkSortListModel *sorted;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->quality_rows = g_ptr_array_new ();
  g_queue_init (&self->pending);

  /* Red below half the score, full at 100; the number says it too. */
  gtk_level_bar_remove_offset_value (self->score_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->score_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->score_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->score_bar, GTK_LEVEL_BAR_OFFSET_LOW, 50);
  gtk_level_bar_add_offset_value (self->score_bar, GTK_LEVEL_BAR_OFFSET_HIGH, 80);
  gtk_level_bar_add_offset_value (self->score_bar, GTK_LEVEL_BAR_OFFSET_FULL, 100);

  cf_sbom_compare_set_up_drop_down (self->filter_dropdown);

  /* Built once per SBOM; a search only filters it again. */
  add_columns (self);
  self->components = g_list_store_new (CF_TYPE_SBOM_COMPONENT_OBJECT);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->components)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (sorted), g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (filtered_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* A file manager offers a list of files; some programs a single one. */
  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, (GType []) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect_object (target, "enter", G_CALLBACK (drop_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  clear_quality (self);
  update_count (self);
  update_actions (self);
}

GtkWidget *
cf_sbom_view_new (CfContext *context)
{
  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  return g_object_new (CF_TYPE_SBOM_VIEW, "context", context, NULL);
}

gint64
cf_sbom_view_get_product_id (CfSbomView *self)
{
  g_return_val_if_fail (CF_IS_SBOM_VIEW (self), 0);
  return self->product_id;
}

void
cf_sbom_view_set_product_id (CfSbomView *self,
                             gint64      product_id)
{
  g_return_if_fail (CF_IS_SBOM_VIEW (self));

  if (self->product_id == product_id)
    return;

  self->product_id = product_id;
  self->select_id = 0;
  /* Another product's components: read afresh. An import under way goes
   * on, into the product it was started for. */
  load_components (self, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->filter_dropdown, 0);
  if (self->context != NULL)
    reload (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PRODUCT_ID]);
}

/**
 * cf_sbom_view_import_file:
 * @file: a CycloneDX or SPDX file
 *
 * Imports @file into the product shown, in a worker thread: what the file
 * chooser and dropping a file do. A file given while another is imported
 * waits its turn. The new SBOM is shown once stored; a file that cannot be
 * read is named in a dialog, and nothing is stored.
 */
void
cf_sbom_view_import_file (CfSbomView *self,
                          GFile      *file)
{
  ImportJob *job;

  g_return_if_fail (CF_IS_SBOM_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->product_id == 0 || self->context == NULL)
    return;

  job = g_new0 (ImportJob, 1);
  job->file = g_object_ref (file);
  job->product_id = self->product_id;
  g_queue_push_tail (&self->pending, job);
  start_next_import (self);
}

gboolean
cf_sbom_view_get_importing (CfSbomView *self)
{
  g_return_val_if_fail (CF_IS_SBOM_VIEW (self), FALSE);
  return self->importing != NULL || !g_queue_is_empty (&self->pending);
}

/**
 * cf_sbom_view_get_busy:
 *
 * Returns: whether a file is being imported or components being read
 */
gboolean
cf_sbom_view_get_busy (CfSbomView *self)
{
  g_return_val_if_fail (CF_IS_SBOM_VIEW (self), FALSE);
  return cf_sbom_view_get_importing (self) || self->loading != NULL;
}

/**
 * cf_sbom_view_get_shown_id:
 *
 * Returns: the id of the SBOM shown, or 0 when there is none
 */
gint64
cf_sbom_view_get_shown_id (CfSbomView *self)
{
  g_return_val_if_fail (CF_IS_SBOM_VIEW (self), 0);
  return self->shown_id;
}

/**
 * cf_sbom_view_show_sbom:
 *
 * Chooses the imported SBOM shown, as its drop-down does.
 *
 * Returns: whether the product has that SBOM
 */
gboolean
cf_sbom_view_show_sbom (CfSbomView *self,
                        gint64      sbom_id)
{
  g_return_val_if_fail (CF_IS_SBOM_VIEW (self), FALSE);

  for (guint i = 0; self->sboms != NULL && i < self->sboms->len; i++)
    if (((CfSbomInfo *) g_ptr_array_index (self->sboms, i))->id == sbom_id)
      {
        adw_combo_row_set_selected (self->sbom_row, i);
        return TRUE;
      }

  return FALSE;
}

/**
 * cf_sbom_view_get_components:
 *
 * Returns: (transfer none): the components as the list shows them: sorted
 *   and filtered; the column view's selection model
 */
GListModel *
cf_sbom_view_get_components (CfSbomView *self)
{
  g_return_val_if_fail (CF_IS_SBOM_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/**
 * cf_sbom_view_compare:
 *
 * Opens the comparison of the SBOM shown with the one imported before it
 * (or, for the oldest, with the one after it).
 */
void
cf_sbom_view_compare (CfSbomView *self)
{
  CfSbomCompare *dialog;
  guint newer, older;

  g_return_if_fail (CF_IS_SBOM_VIEW (self));

  if (self->sboms == NULL || self->sboms->len < 2)
    return;

  /* Newest first: the one before the shown one is the next in the list. */
  newer = MIN (adw_combo_row_get_selected (self->sbom_row), self->sboms->len - 1);
  older = newer + 1;
  if (older >= self->sboms->len)
    {
      older = newer;
      newer = older - 1;
    }

  dialog = cf_sbom_compare_new (get_window (self), get_store (self), self->sboms,
                                ((CfSbomInfo *) g_ptr_array_index (self->sboms, older))->id,
                                ((CfSbomInfo *) g_ptr_array_index (self->sboms, newer))->id);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cf_sbom_view_set_size_limit:
 * @size_limit: the largest file to import, in bytes; 0 for the default
 *
 * The limit is the user's (GSettings `sbom-size-limit`); a larger file is
 * refused before it is read.
 */
void
cf_sbom_view_set_size_limit (CfSbomView *self,
                             guint64     size_limit)
{
  g_return_if_fail (CF_IS_SBOM_VIEW (self));

  self->size_limit = size_limit;
}
