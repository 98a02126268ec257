/* cf-sbom-cyclonedx-stream.c — CycloneDX JSON read straight from its bytes
 *
 * The same model, and the same refusals, as _cf_sbom_cyclonedx_read_json()
 * in cf-sbom-cyclonedx.c gives from json-glib's tree, in one pass over the
 * input with no tree: 17 MB of SBOM need not become 100 MB of nodes.
 *
 * A tree can be looked at in any order; a stream comes in the document's.
 * So what the tree reader looks up is kept as it streams past (where a
 * string is in the input, not a copy) and decided when its object ends:
 * the last of a repeated member counts, as in json-glib's objects; a
 * component's refusals are weighed in the order the tree reader checks
 * them; and the document's refusals in its order too (the JSON itself,
 * then specVersion, the product's parts, the components, the
 * dependencies), since metadata or dependencies may come anywhere.
 *
 * Copyright 2026 The Conformity Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cf-sbom"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-error.h"
#include "cf-sbom-json-reader.h"
#include "cf-sbom-private.h"

/* A member's value, kept for later: its type (CF_SBOM_JSON_NONE when the
 * member is absent), and where it is when it is a string. */
typedef struct
{
  CfSbomJsonType   type;
  CfSbomJsonString string;
} Value;

/* Components in document order, parents before their parts. The first
 * refusal ends the list, as does passing max_components: what follows is
 * only checked as JSON. */
typedef struct
{
  GPtrArray *components;  /* CfSbomComponent*, owned; NULL until there is one */
  GError    *error;
  gboolean   overflow;    /* one component too many was read */
} List;

/* metadata, the last of them. */
typedef struct
{
  Value      timestamp;
  GPtrArray *authors;           /* char*: contacts, as format_contact() makes them */
  char      *manufacture;       /* as json_entity_contact() makes them */
  char      *manufacturer;
  char      *supplier;
  gboolean   tools_is_array;
  GPtrArray *tools;             /* char*: tools of the array form, or of tools.components */
  GPtrArray *services;          /* char*: of tools.services */
  gboolean   has_subject;       /* metadata.component is an object */
  Value      subject_ref;
  Value      subject_name;
  Value      subject_version;
  List       parts;             /* metadata.component.components */
} Metadata;

/* A dependency entry: its ref, and dependsOn's strings. */
typedef struct
{
  CfSbomJsonString  ref;
  GArray           *targets;    /* CfSbomJsonString */
} Entry;

typedef struct
{
  GArray *entries;  /* Entry, up to the first refusal */
  GError *error;
} Dependencies;

typedef struct
{
  CfSbomJsonReader    reader;
  const CfSbomLimits *limits;

  Value        bom_format;
  Value        spec_version;
  Value        serial;
  Metadata     metadata;
  List         components;
  Dependencies dependencies;
} Builder;

static gboolean read_list (Builder *builder,
                           List    *list);

static void
list_clear (List *list)
{
  g_clear_pointer (&list->components, g_ptr_array_unref);
  g_clear_error (&list->error);
  list->overflow = FALSE;
}

static gboolean
list_ended (const List *list)
{
  return list->error != NULL || list->overflow;
}

/* Takes @component, unless that would pass max_components. */
static void
list_add (Builder         *builder,
          List            *list,
          CfSbomComponent *component)
{
  guint length = list->components != NULL ? list->components->len : 0;

  if (length >= builder->limits->max_components)
    {
      list->overflow = TRUE;
      cf_sbom_component_free (component);
      return;
    }

  if (list->components == NULL)
    list->components = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_sbom_component_free);
  g_ptr_array_add (list->components, component);
}

static void
metadata_clear (Metadata *metadata)
{
  g_clear_pointer (&metadata->authors, g_ptr_array_unref);
  g_clear_pointer (&metadata->manufacture, g_free);
  g_clear_pointer (&metadata->manufacturer, g_free);
  g_clear_pointer (&metadata->supplier, g_free);
  g_clear_pointer (&metadata->tools, g_ptr_array_unref);
  g_clear_pointer (&metadata->services, g_ptr_array_unref);
  list_clear (&metadata->parts);
  memset (metadata, 0, sizeof *metadata);
}

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->targets, g_array_unref);
}

static void
dependencies_reset (Dependencies *dependencies)
{
  g_clear_pointer (&dependencies->entries, g_array_unref);
  g_clear_error (&dependencies->error);
  dependencies->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (dependencies->entries, entry_clear);
}

static void
builder_clear (Builder *builder)
{
  cf_sbom_json_reader_clear (&builder->reader);
  metadata_clear (&builder->metadata);
  list_clear (&builder->components);
  g_clear_pointer (&builder->dependencies.entries, g_array_unref);
  g_clear_error (&builder->dependencies.error);
}

/* Reading values */

static gboolean
is (Builder                *builder,
    const CfSbomJsonString *name,
    const char             *text)
{
  return cf_sbom_json_reader_equal (&builder->reader, name, text);
}

/* Any value: a string is kept, anything else only skipped. */
static gboolean
keep_value (Builder *builder,
            Value   *value)
{
  value->type = cf_sbom_json_reader_peek (&builder->reader);
  if (value->type == CF_SBOM_JSON_STRING)
    return cf_sbom_json_reader_read_string (&builder->reader, &value->string);

  return cf_sbom_json_reader_skip (&builder->reader);
}

static gboolean
is_string (const Value *value)
{
  return value->type == CF_SBOM_JSON_STRING;
}

/* _cf_sbom_json_dup_string(): cleaned, NULL unless a string. */
static char *
dup_clean (Builder     *builder,
           const Value *value)
{
  return is_string (value) ? cf_sbom_json_reader_dup_clean (&builder->reader, &value->string) : NULL;
}

/* _cf_sbom_json_get_string(): as it stands, NULL unless a string. */
static char *
dup_raw (Builder     *builder,
         const Value *value)
{
  return is_string (value) ? cf_sbom_json_reader_dup (&builder->reader, &value->string) : NULL;
}

/* An object's "name", when the value is an object (json_entity_name()). */
static gboolean
read_entity_name (Builder *builder,
                  Value   *name)
{
  CfSbomJsonReader *reader = &builder->reader;
  CfSbomJsonString member;

  name->type = CF_SBOM_JSON_NONE;
  if (cf_sbom_json_reader_peek (reader) != CF_SBOM_JSON_OBJECT)
    return cf_sbom_json_reader_skip (reader);

  if (!cf_sbom_json_reader_enter_object (reader))
    return FALSE;
  while (cf_sbom_json_reader_next_member (reader, &member))
    if (!(is (builder, &member, "name") ? keep_value (builder, name)
                                        : cf_sbom_json_reader_skip (reader)))
      return FALSE;

  return !cf_sbom_json_reader_failed (reader);
}

/* What the tree reader refuses: a value of the wrong type, or a string
 * it requires that is missing or blank. */
typedef enum
{
  NOT_AN_ARRAY,
  NOT_AN_OBJECT,
  NOT_A_STRING,
  MISSING,
  EMPTY,
} Problem;

/* Refusals name where they are, from where the reader is: @member NULL for
 * the value being read, or a member of the object just closed. */
static GError *
refusal (Builder    *builder,
         const char *member,
         Problem     problem)
{
  g_autofree char *path = cf_sbom_json_reader_dup_path (&builder->reader);
  g_autofree char *where = member != NULL ? _cf_sbom_json_path (path, member, 0) : g_strdup (path);

  switch (problem)
    {
    case NOT_AN_ARRAY:
      return g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s is not an array"), where);
    case NOT_AN_OBJECT:
      return g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s is not an object"), where);
    case NOT_A_STRING:
      return g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s is not a string"), where);
    case MISSING:
      return g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s is missing"), where);
    case EMPTY:
    default:
      return g_error_new (CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s is empty"), where);
    }
}

/* An element of an array of objects: TRUE when it is one to read. Else it
 * is skipped, after recording in @error that it is not an object unless
 * @done (a problem already found, or enough read); *ok says whether the
 * skip worked. */
static gboolean
take_object_element (Builder   *builder,
                     gboolean   done,
                     GError   **error,
                     gboolean  *ok)
{
  CfSbomJsonReader *reader = &builder->reader;

  if (!done && cf_sbom_json_reader_peek (reader) == CF_SBOM_JSON_OBJECT)
    return TRUE;
  if (!done)
    *error = refusal (builder, NULL, NOT_AN_OBJECT);

  *ok = cf_sbom_json_reader_skip (reader);
  return FALSE;
}

/* _cf_sbom_json_require_string(): whether @value is refused, and why. */
static gboolean
refuse_string (Builder     *builder,
               const Value *value,
               Problem     *problem)
{
  if (value->type == CF_SBOM_JSON_NONE || value->type == CF_SBOM_JSON_NULL)
    *problem = MISSING;
  else if (!is_string (value))
    *problem = NOT_A_STRING;
  else if (cf_sbom_json_reader_is_blank (&builder->reader, &value->string))
    *problem = EMPTY;
  else
    return FALSE;

  return TRUE;
}

/* An array member that must be one when present: TRUE with @is_array set,
 * or TRUE with @refused set when it is neither an array nor null (the value
 * then skipped). */
static gboolean
enter_required_array (Builder   *builder,
                      gboolean  *is_array,
                      GError   **refused)
{
  CfSbomJsonReader *reader = &builder->reader;

  *is_array = FALSE;
  switch (cf_sbom_json_reader_peek (reader))
    {
    case CF_SBOM_JSON_ARRAY:
      *is_array = TRUE;
      return cf_sbom_json_reader_enter_array (reader);
    case CF_SBOM_JSON_NULL:
      return cf_sbom_json_reader_skip (reader);
    case CF_SBOM_JSON_NONE:
      return FALSE;
    default:
      *refused = refusal (builder, NULL, NOT_AN_ARRAY);
      return cf_sbom_json_reader_skip (reader);
    }
}

/* Components */

/* A component's members, until its object ends. */
typedef struct
{
  CfSbomComponent *component;      /* its hashes are added as they come */
  Value            name;
  Value            ref;
  Value            version;
  Value            type;
  Value            purl;
  Value            cpe;
  Value            author;
  Value            supplier;       /* supplier.name */
  Value            manufacturer;   /* manufacturer.name */
  GArray          *authors;        /* CfSbomJsonString: authors[].name; NULL when none */
  CfSbomList       licences;
  GError          *licences_error;
  GError          *hashes_error;
  Value            download;       /* the first distribution reference's url */
  List             parts;
} Part;

static void
part_clear (Part *part)
{
  g_clear_pointer (&part->component, cf_sbom_component_free);
  g_clear_pointer (&part->authors, g_array_unref);
  _cf_sbom_list_clear (&part->licences);
  g_clear_error (&part->licences_error);
  g_clear_error (&part->hashes_error);
  list_clear (&part->parts);
}

/* 1.6 authors: the names of those that are objects. */
static gboolean
read_authors (Builder *builder,
              Part    *part)
{
  CfSbomJsonReader *reader = &builder->reader;

  g_clear_pointer (&part->authors, g_array_unref);
  if (cf_sbom_json_reader_peek (reader) != CF_SBOM_JSON_ARRAY)
    return cf_sbom_json_reader_skip (reader);

  if (!cf_sbom_json_reader_enter_array (reader))
    return FALSE;
  while (cf_sbom_json_reader_next_element (reader))
    {
      Value name = { CF_SBOM_JSON_NONE, { NULL, 0, FALSE } };
      CfSbomJsonString member;

      if (cf_sbom_json_reader_peek (reader) != CF_SBOM_JSON_OBJECT)
        {
          if (!cf_sbom_json_reader_skip (reader))
            return FALSE;
          continue;
        }

      if (!cf_sbom_json_reader_enter_object (reader))
        return FALSE;
      while (cf_sbom_json_reader_next_member (reader, &member))
        if (!(is (builder, &member, "name") ? keep_value (builder, &name)
                                            : cf_sbom_json_reader_skip (reader)))
          return FALSE;
      if (cf_sbom_json_reader_failed (reader))
        return FALSE;

      if (!is_string (&name))
        continue;
      if (part->authors == NULL)
        part->authors = g_array_new (FALSE, FALSE, sizeof (CfSbomJsonString));
      g_array_append_val (part->authors, name.string);
    }

  return !cf_sbom_json_reader_failed (reader);
}

/* json_read_licences(): an id, else a name, of each license; or each
 * expression. The first entry that is not an object is refused. */
static gboolean
read_licences (Builder *builder,
               Part    *part)
{
  CfSbomJsonReader *reader = &builder->reader;
  gboolean is_array;

  _cf_sbom_list_clear (&part->licences);
  g_clear_error (&part->licences_error);
  if (!enter_required_array (builder, &is_array, &part->licences_error) || !is_array)
    return !cf_sbom_json_reader_failed (reader);

  while (cf_sbom_json_reader_next_element (reader))
    {
      gboolean has_licence = FALSE;
      Value id = { CF_SBOM_JSON_NONE, { NULL, 0, FALSE } };
      Value name = id;
      Value expression = id;
      CfSbomJsonString member;
      g_autofree char *text = NULL;

      gboolean skipped = TRUE;

      if (!take_object_element (builder, part->licences_error != NULL, &part->licences_error, &skipped))
        {
          if (!skipped)
            return FALSE;
          continue;
        }

      if (!cf_sbom_json_reader_enter_object (reader))
        return FALSE;
      while (cf_sbom_json_reader_next_member (reader, &member))
        {
          gboolean ok;

          if (is (builder, &member, "license"))
            {
              id.type = name.type = CF_SBOM_JSON_NONE;
              has_licence = cf_sbom_json_reader_peek (reader) == CF_SBOM_JSON_OBJECT;
              if (has_licence)
                {
                  ok = cf_sbom_json_reader_enter_object (reader);
                  while (ok && cf_sbom_json_reader_next_member (reader, &member))
                    {
                      if (is (builder, &member, "id"))
                        ok = keep_value (builder, &id);
                      else if (is (builder, &member, "name"))
                        ok = keep_value (builder, &name);
                      else
                        ok = cf_sbom_json_reader_skip (reader);
                    }
                  ok = ok && !cf_sbom_json_reader_failed (reader);
                }
              else
                ok = cf_sbom_json_reader_skip (reader);
            }
          else if (is (builder, &member, "expression"))
            ok = keep_value (builder, &expression);
          else
            ok = cf_sbom_json_reader_skip (reader);

          if (!ok)
            return FALSE;
        }
      if (cf_sbom_json_reader_failed (reader))
        return FALSE;

      if (has_licence)
        {
          text = dup_clean (builder, &id);
          if (text == NULL)
            text = dup_raw (builder, &name);
        }
      else
        text = dup_raw (builder, &expression);
      _cf_sbom_list_add (&part->licences, text);
    }

  return !cf_sbom_json_reader_failed (reader);
}

/* json_read_hashes(): each hash's alg and content; the first entry that is
 * not an object is refused. */
static gboolean
read_hashes (Builder *builder,
             Part    *part)
{
  CfSbomJsonReader *reader = &builder->reader;
  gboolean is_array;

  g_ptr_array_set_size (part->component->hashes, 0);
  g_clear_error (&part->hashes_error);
  if (!enter_required_array (builder, &is_array, &part->hashes_error) || !is_array)
    return !cf_sbom_json_reader_failed (reader);

  while (cf_sbom_json_reader_next_element (reader))
    {
      Value alg = { CF_SBOM_JSON_NONE, { NULL, 0, FALSE } };
      Value content = alg;
      CfSbomJsonString member;
      g_autofree char *alg_text = NULL;
      g_autofree char *content_text = NULL;

      gboolean skipped = TRUE;

      if (!take_object_element (builder, part->hashes_error != NULL, &part->hashes_error, &skipped))
        {
          if (!skipped)
            return FALSE;
          continue;
        }

      if (!cf_sbom_json_reader_enter_object (reader))
        return FALSE;
      while (cf_sbom_json_reader_next_member (reader, &member))
        {
          gboolean ok;

          if (is (builder, &member, "alg"))
            ok = keep_value (builder, &alg);
          else if (is (builder, &member, "content"))
            ok = keep_value (builder, &content);
          else
            ok = cf_sbom_json_reader_skip (reader);
          if (!ok)
            return FALSE;
        }
      if (cf_sbom_json_reader_failed (reader))
        return FALSE;

      /* Either blank, and nothing is added. */
      if (!is_string (&alg) || !is_string (&content) ||
          cf_sbom_json_reader_is_blank (reader, &alg.string) ||
          cf_sbom_json_reader_is_blank (reader, &content.string))
        continue;
      alg_text = dup_raw (builder, &alg);
      content_text = dup_raw (builder, &content);
      _cf_sbom_component_add_hash (part->component, alg_text, content_text);
    }

  return !cf_sbom_json_reader_failed (reader);
}

/* json_find_download(): the url of the first reference of type
 * "distribution" that has one. Not the component's shape: never refused. */
static gboolean
read_references (Builder *builder,
                 Part    *part)
{
  CfSbomJsonReader *reader = &builder->reader;

  part->download.type = CF_SBOM_JSON_NONE;
  if (cf_sbom_json_reader_peek (reader) != CF_SBOM_JSON_ARRAY)
    return cf_sbom_json_reader_skip (reader);

  if (!cf_sbom_json_reader_enter_array (reader))
    return FALSE;
  while (cf_sbom_json_reader_next_element (reader))
    {
      Value type = { CF_SBOM_JSON_NONE, { NULL, 0, FALSE } };
      Value url = type;
      CfSbomJsonString member;

      if (is_string (&part->download) || cf_sbom_json_reader_peek (reader) != CF_SBOM_JSON_OBJECT)
        {
          if (!cf_sbom_json_reader_skip (reader))
            return FALSE;
          continue;
        }

      if (!cf_sbom_json_reader_enter_object (reader))
        return FALSE;
      while (cf_sbom_json_reader_next_member (reader, &member))
        {
          gboolean ok;

          if (is (builder, &member, "type"))
            ok = keep_value (builder, &type);
          else if (is (builder, &member, "url"))
            ok = keep_value (builder, &url);
          else
            ok = cf_sbom_json_reader_skip (reader);
          if (!ok)
            return FALSE;
        }
      if (cf_sbom_json_reader_failed (reader))
        return FALSE;

      if (is_string (&type) && is (builder, &type.string, "distribution") &&
          is_string (&url) && !cf_sbom_json_reader_is_blank (reader, &url.string))
        part->download = url;
    }

  return !cf_sbom_json_reader_failed (reader);
}

/* json_find_author(): author, then 1.6 authors' names; the manufacturer
 * when there are none. */
static char *
find_author (Builder *builder,
             Part    *part)
{
  g_auto(CfSbomList) authors = { NULL, NULL };

  if (is_string (&part->author))
    {
      g_autofree char *text = dup_raw (builder, &part->author);

      _cf_sbom_list_add (&authors, text);
    }
  for (guint i = 0; part->authors != NULL && i < part->authors->len; i++)
    {
      g_autofree char *text = cf_sbom_json_reader_dup (&builder->reader,
                                                      &g_array_index (part->authors, CfSbomJsonString, i));

      _cf_sbom_list_add (&authors, text);
    }

  if (authors.items != NULL)
    return _cf_sbom_list_join (&authors, "; ");

  return dup_clean (builder, &part->manufacturer);
}

/* The refusal json_read_component() would meet first, if any. */
static GError *
part_refusal (Builder *builder,
              Part    *part)
{
  Problem problem;

  /* The reader is past the component's object: its path is the component's. */
  if (refuse_string (builder, &part->name, &problem))
    return refusal (builder, "name", problem);
  if (part->licences_error != NULL)
    return g_steal_pointer (&part->licences_error);
  if (part->hashes_error != NULL)
    return g_steal_pointer (&part->hashes_error);

  return NULL;
}

/* json_read_component(): the component, then its parts, into @list. */
static gboolean
read_component (Builder *builder,
                List    *list)
{
  CfSbomJsonReader *reader = &builder->reader;
  Part part;
  CfSbomJsonString member;
  CfSbomComponent *component;
  GError *refused;
  gpointer *parts;
  gsize n_parts = 0;

  memset (&part, 0, sizeof part);
  part.component = cf_sbom_component_new ();

  if (!cf_sbom_json_reader_enter_object (reader))
    goto failed;

  while (cf_sbom_json_reader_next_member (reader, &member))
    {
      gboolean ok;

      if (is (builder, &member, "name"))
        ok = keep_value (builder, &part.name);
      else if (is (builder, &member, "bom-ref"))
        ok = keep_value (builder, &part.ref);
      else if (is (builder, &member, "version"))
        ok = keep_value (builder, &part.version);
      else if (is (builder, &member, "type"))
        ok = keep_value (builder, &part.type);
      else if (is (builder, &member, "purl"))
        ok = keep_value (builder, &part.purl);
      else if (is (builder, &member, "cpe"))
        ok = keep_value (builder, &part.cpe);
      else if (is (builder, &member, "hashes"))
        ok = read_hashes (builder, &part);
      else if (is (builder, &member, "licenses"))
        ok = read_licences (builder, &part);
      else if (is (builder, &member, "externalReferences"))
        ok = read_references (builder, &part);
      else if (is (builder, &member, "supplier"))
        ok = read_entity_name (builder, &part.supplier);
      else if (is (builder, &member, "author"))
        ok = keep_value (builder, &part.author);
      else if (is (builder, &member, "authors"))
        ok = read_authors (builder, &part);
      else if (is (builder, &member, "manufacturer"))
        ok = read_entity_name (builder, &part.manufacturer);
      else if (is (builder, &member, "components"))
        ok = read_list (builder, &part.parts);
      else
        ok = cf_sbom_json_reader_skip (reader);

      if (!ok)
        goto failed;
    }
  if (cf_sbom_json_reader_failed (reader))
    goto failed;

  refused = part_refusal (builder, &part);
  if (refused != NULL)
    {
      list->error = refused;
      part_clear (&part);
      return TRUE;
    }

  component = g_steal_pointer (&part.component);
  component->name = dup_clean (builder, &part.name);
  component->ref = dup_clean (builder, &part.ref);
  component->version = dup_clean (builder, &part.version);
  component->type = dup_clean (builder, &part.type);
  component->supplier = dup_clean (builder, &part.supplier);
  component->author = find_author (builder, &part);
  component->purl = dup_clean (builder, &part.purl);
  component->cpe = dup_clean (builder, &part.cpe);
  component->download = dup_clean (builder, &part.download);
  component->licences = _cf_sbom_list_join_licences (&part.licences);

  /* The component first, then what it is made of. */
  list_add (builder, list, component);
  parts = part.parts.components != NULL ? g_ptr_array_steal (part.parts.components, &n_parts) : NULL;
  for (gsize i = 0; i < n_parts; i++)
    {
      if (list->overflow)
        cf_sbom_component_free (parts[i]);
      else
        list_add (builder, list, parts[i]);
    }
  g_free (parts);
  if (!list_ended (list))
    {
      list->overflow = part.parts.overflow;
      list->error = g_steal_pointer (&part.parts.error);
    }

  part_clear (&part);
  return TRUE;

failed:
  part_clear (&part);
  return FALSE;
}

/* json_read_components(): a components member. */
static gboolean
read_list (Builder *builder,
           List    *list)
{
  CfSbomJsonReader *reader = &builder->reader;
  gboolean is_array;

  list_clear (list);
  if (!enter_required_array (builder, &is_array, &list->error) || !is_array)
    return !cf_sbom_json_reader_failed (reader);

  while (cf_sbom_json_reader_next_element (reader))
    {
      gboolean ok = TRUE;

      if (take_object_element (builder, list_ended (list), &list->error, &ok))
        ok = read_component (builder, list);

      if (!ok)
        return FALSE;
    }

  return !cf_sbom_json_reader_failed (reader);
}

/* Metadata */

/* format_contact() in cf-sbom-cyclonedx.c. */
static char *
format_contact (Builder     *builder,
                const Value *name,
                const Value *email)
{
  g_autofree char *clean_name = dup_clean (builder, name);
  g_autofree char *clean_email = dup_clean (builder, email);

  if (clean_name != NULL && clean_email != NULL)
    return g_strdup_printf ("%s <%s>", clean_name, clean_email);

  return clean_name != NULL ? g_steal_pointer (&clean_name) : g_steal_pointer (&clean_email);
}

/* add_tool() in cf-sbom-cyclonedx.c: "name version", NULL without a name. */
static char *
format_tool (Builder     *builder,
             const Value *name,
             const Value *version)
{
  g_autofree char *clean_name = dup_clean (builder, name);
  g_autofree char *clean_version = dup_clean (builder, version);

  if (clean_name == NULL)
    return NULL;

  return clean_version != NULL ? g_strdup_printf ("%s %s", clean_name, clean_version)
                               : g_steal_pointer (&clean_name);
}

/* An array of people or tools, leniently: @format makes one of the
 * "name" and @second members of each element that is an object. */
static gboolean
read_named_array (Builder    *builder,
                  GPtrArray  *into,
                  const char *second,
                  char     *(*format) (Builder *, const Value *, const Value *))
{
  CfSbomJsonReader *reader = &builder->reader;

  g_ptr_array_set_size (into, 0);
  if (cf_sbom_json_reader_peek (reader) != CF_SBOM_JSON_ARRAY)
    return cf_sbom_json_reader_skip (reader);

  if (!cf_sbom_json_reader_enter_array (reader))
    return FALSE;
  while (cf_sbom_json_reader_next_element (reader))
    {
      Value name = { CF_SBOM_JSON_NONE, { NULL, 0, FALSE } };
      Value other = name;
      CfSbomJsonString member;
      char *text;

      if (cf_sbom_json_reader_peek (reader) != CF_SBOM_JSON_OBJECT)
        {
          if (!cf_sbom_json_reader_skip (reader))
            return FALSE;
          continue;
        }

      if (!cf_sbom_json_reader_enter_object (reader))
        return FALSE;
      while (cf_sbom_json_reader_next_member (reader, &member))
        {
          gboolean ok;

          if (is (builder, &member, "name"))
            ok = keep_value (builder, &name);
          else if (is (builder, &member, second))
            ok = keep_value (builder, &other);
          else
            ok = cf_sbom_json_reader_skip (reader);
          if (!ok)
            return FALSE;
        }
      if (cf_sbom_json_reader_failed (reader))
        return FALSE;

      text = format (builder, &name, &other);
      if (text != NULL)
        g_ptr_array_add (into, text);
    }

  return !cf_sbom_json_reader_failed (reader);
}

/* 1.2–1.4: an array of tools; 1.5 and later: components and services. */
static gboolean
read_tools (Builder  *builder,
            Metadata *metadata)
{
  CfSbomJsonReader *reader = &builder->reader;
  CfSbomJsonString member;

  g_ptr_array_set_size (metadata->tools, 0);
  g_ptr_array_set_size (metadata->services, 0);
  metadata->tools_is_array = FALSE;

  switch (cf_sbom_json_reader_peek (reader))
    {
    case CF_SBOM_JSON_ARRAY:
      metadata->tools_is_array = TRUE;
      return read_named_array (builder, metadata->tools, "version", format_tool);
    case CF_SBOM_JSON_OBJECT:
      break;
    default:
      return cf_sbom_json_reader_skip (reader);
    }

  if (!cf_sbom_json_reader_enter_object (reader))
    return FALSE;
  while (cf_sbom_json_reader_next_member (reader, &member))
    {
      gboolean ok;

      if (is (builder, &member, "components"))
        ok = read_named_array (builder, metadata->tools, "version", format_tool);
      else if (is (builder, &member, "services"))
        ok = read_named_array (builder, metadata->services, "version", format_tool);
      else
        ok = cf_sbom_json_reader_skip (reader);
      if (!ok)
        return FALSE;
    }

  return !cf_sbom_json_reader_failed (reader);
}

/* The first email of an entity's contacts, else its first URL. */
static gboolean
read_reach (Builder  *builder,
            gboolean  emails,
            Value    *reach)
{
  CfSbomJsonReader *reader = &builder->reader;

  reach->type = CF_SBOM_JSON_NONE;
  if (cf_sbom_json_reader_peek (reader) != CF_SBOM_JSON_ARRAY)
    return cf_sbom_json_reader_skip (reader);

  if (!cf_sbom_json_reader_enter_array (reader))
    return FALSE;
  while (cf_sbom_json_reader_next_element (reader))
    {
      CfSbomJsonString member;
      gboolean ok;

      if (is_string (reach))
        ok = cf_sbom_json_reader_skip (reader);
      else if (!emails)
        ok = keep_value (builder, reach);
      else if (cf_sbom_json_reader_peek (reader) != CF_SBOM_JSON_OBJECT)
        ok = cf_sbom_json_reader_skip (reader);
      else
        {
          ok = cf_sbom_json_reader_enter_object (reader);
          while (ok && cf_sbom_json_reader_next_member (reader, &member))
            ok = is (builder, &member, "email") ? keep_value (builder, reach)
                                                : cf_sbom_json_reader_skip (reader);
          ok = ok && !cf_sbom_json_reader_failed (reader);
        }
      if (!ok)
        return FALSE;
    }

  return !cf_sbom_json_reader_failed (reader);
}

/* json_entity_contact(): "ACME <psirt@acme.example>", from an entity's
 * name and its first contact's email, else its first URL. */
static gboolean
read_entity_contact (Builder  *builder,
                     char    **contact)
{
  CfSbomJsonReader *reader = &builder->reader;
  Value name = { CF_SBOM_JSON_NONE, { NULL, 0, FALSE } };
  Value email = name;
  Value url = name;
  CfSbomJsonString member;

  g_clear_pointer (contact, g_free);
  if (cf_sbom_json_reader_peek (reader) != CF_SBOM_JSON_OBJECT)
    return cf_sbom_json_reader_skip (reader);

  if (!cf_sbom_json_reader_enter_object (reader))
    return FALSE;
  while (cf_sbom_json_reader_next_member (reader, &member))
    {
      gboolean ok;

      if (is (builder, &member, "name"))
        ok = keep_value (builder, &name);
      else if (is (builder, &member, "contact"))
        ok = read_reach (builder, TRUE, &email);
      else if (is (builder, &member, "url"))
        ok = read_reach (builder, FALSE, &url);
      else
        ok = cf_sbom_json_reader_skip (reader);
      if (!ok)
        return FALSE;
    }
  if (cf_sbom_json_reader_failed (reader))
    return FALSE;

  *contact = format_contact (builder, &name, is_string (&email) ? &email : &url);
  return TRUE;
}

/* metadata.component: the product itself, and its parts. */
static gboolean
read_subject (Builder  *builder,
              Metadata *metadata)
{
  CfSbomJsonReader *reader = &builder->reader;
  CfSbomJsonString member;

  metadata->has_subject = FALSE;
  metadata->subject_ref.type = CF_SBOM_JSON_NONE;
  metadata->subject_name.type = CF_SBOM_JSON_NONE;
  metadata->subject_version.type = CF_SBOM_JSON_NONE;
  list_clear (&metadata->parts);

  if (cf_sbom_json_reader_peek (reader) != CF_SBOM_JSON_OBJECT)
    return cf_sbom_json_reader_skip (reader);

  metadata->has_subject = TRUE;
  if (!cf_sbom_json_reader_enter_object (reader))
    return FALSE;
  while (cf_sbom_json_reader_next_member (reader, &member))
    {
      gboolean ok;

      if (is (builder, &member, "bom-ref"))
        ok = keep_value (builder, &metadata->subject_ref);
      else if (is (builder, &member, "name"))
        ok = keep_value (builder, &metadata->subject_name);
      else if (is (builder, &member, "version"))
        ok = keep_value (builder, &metadata->subject_version);
      else if (is (builder, &member, "components"))
        ok = read_list (builder, &metadata->parts);
      else
        ok = cf_sbom_json_reader_skip (reader);
      if (!ok)
        return FALSE;
    }

  return !cf_sbom_json_reader_failed (reader);
}

static gboolean
read_metadata (Builder *builder)
{
  CfSbomJsonReader *reader = &builder->reader;
  Metadata *metadata = &builder->metadata;
  CfSbomJsonString member;

  metadata_clear (metadata);
  metadata->authors = g_ptr_array_new_with_free_func (g_free);
  metadata->tools = g_ptr_array_new_with_free_func (g_free);
  metadata->services = g_ptr_array_new_with_free_func (g_free);
  list_clear (&metadata->parts);

  if (cf_sbom_json_reader_peek (reader) != CF_SBOM_JSON_OBJECT)
    return cf_sbom_json_reader_skip (reader);

  if (!cf_sbom_json_reader_enter_object (reader))
    return FALSE;
  while (cf_sbom_json_reader_next_member (reader, &member))
    {
      gboolean ok;

      if (is (builder, &member, "timestamp"))
        ok = keep_value (builder, &metadata->timestamp);
      else if (is (builder, &member, "authors"))
        ok = read_named_array (builder, metadata->authors, "email", format_contact);
      else if (is (builder, &member, "manufacture"))
        ok = read_entity_contact (builder, &metadata->manufacture);
      else if (is (builder, &member, "manufacturer"))
        ok = read_entity_contact (builder, &metadata->manufacturer);
      else if (is (builder, &member, "supplier"))
        ok = read_entity_contact (builder, &metadata->supplier);
      else if (is (builder, &member, "tools"))
        ok = read_tools (builder, metadata);
      else if (is (builder, &member, "component"))
        ok = read_subject (builder, metadata);
      else
        ok = cf_sbom_json_reader_skip (reader);
      if (!ok)
        return FALSE;
    }

  return !cf_sbom_json_reader_failed (reader);
}

/* json_read_metadata(), from what was kept. */
static void
fill_metadata (Builder *builder,
               CfSbom  *sbom)
{
  Metadata *metadata = &builder->metadata;
  g_auto(CfSbomList) creators = { NULL, NULL };
  g_auto(CfSbomList) tools = { NULL, NULL };

  sbom->timestamp = dup_clean (builder, &metadata->timestamp);

  for (guint i = 0; metadata->authors != NULL && i < metadata->authors->len; i++)
    _cf_sbom_list_add (&creators, g_ptr_array_index (metadata->authors, i));
  _cf_sbom_list_add (&creators, metadata->manufacture);
  _cf_sbom_list_add (&creators, metadata->manufacturer);
  _cf_sbom_list_add (&creators, metadata->supplier);
  sbom->creator = _cf_sbom_list_join (&creators, "; ");

  for (guint i = 0; metadata->tools != NULL && i < metadata->tools->len; i++)
    _cf_sbom_list_add (&tools, g_ptr_array_index (metadata->tools, i));
  for (guint i = 0; !metadata->tools_is_array && metadata->services != NULL &&
                    i < metadata->services->len; i++)
    _cf_sbom_list_add (&tools, g_ptr_array_index (metadata->services, i));
  sbom->tools = _cf_sbom_list_join (&tools, "; ");

  if (metadata->has_subject)
    {
      sbom->subject_ref = dup_clean (builder, &metadata->subject_ref);
      sbom->subject_name = dup_clean (builder, &metadata->subject_name);
      sbom->subject_version = dup_clean (builder, &metadata->subject_version);
    }
}

/* Dependencies */

/* json_read_dependency(): kept when it is well formed, its refusal
 * otherwise. */
static gboolean
read_dependency (Builder *builder)
{
  CfSbomJsonReader *reader = &builder->reader;
  Dependencies *dependencies = &builder->dependencies;
  Value ref = { CF_SBOM_JSON_NONE, { NULL, 0, FALSE } };
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (CfSbomJsonString));
  g_autoptr(GError) targets_error = NULL;
  CfSbomJsonString member;
  Problem problem;
  Entry entry;

  if (!cf_sbom_json_reader_enter_object (reader))
    return FALSE;
  while (cf_sbom_json_reader_next_member (reader, &member))
    {
      gboolean ok = TRUE;
      gboolean is_array;

      if (is (builder, &member, "ref"))
        ok = keep_value (builder, &ref);
      else if (!is (builder, &member, "dependsOn"))
        ok = cf_sbom_json_reader_skip (reader);
      else
        {
          g_array_set_size (targets, 0);
          g_clear_error (&targets_error);
          ok = enter_required_array (builder, &is_array, &targets_error);
          while (ok && is_array && cf_sbom_json_reader_next_element (reader))
            {
              CfSbomJsonString target;

              if (targets_error != NULL)
                ok = cf_sbom_json_reader_skip (reader);
              else if (cf_sbom_json_reader_peek (reader) != CF_SBOM_JSON_STRING)
                {
                  targets_error = refusal (builder, NULL, NOT_A_STRING);
                  ok = cf_sbom_json_reader_skip (reader);
                }
              else if ((ok = cf_sbom_json_reader_read_string (reader, &target)))
                g_array_append_val (targets, target);
            }
          ok = ok && !cf_sbom_json_reader_failed (reader);
        }
      if (!ok)
        return FALSE;
    }
  if (cf_sbom_json_reader_failed (reader))
    return FALSE;

  if (refuse_string (builder, &ref, &problem))
    dependencies->error = refusal (builder, "ref", problem);
  else if (targets_error != NULL)
    dependencies->error = g_steal_pointer (&targets_error);
  else
    {
      entry.ref = ref.string;
      entry.targets = g_steal_pointer (&targets);
      g_array_append_val (dependencies->entries, entry);
    }

  return TRUE;
}

static gboolean
read_dependencies (Builder *builder)
{
  CfSbomJsonReader *reader = &builder->reader;
  Dependencies *dependencies = &builder->dependencies;
  gboolean is_array;

  dependencies_reset (dependencies);
  if (!enter_required_array (builder, &is_array, &dependencies->error) || !is_array)
    return !cf_sbom_json_reader_failed (reader);

  while (cf_sbom_json_reader_next_element (reader))
    {
      gboolean ok = TRUE;

      if (take_object_element (builder, dependencies->error != NULL, &dependencies->error, &ok))
        ok = read_dependency (builder);
      if (!ok)
        return FALSE;
    }

  return !cf_sbom_json_reader_failed (reader);
}

/* A component's dependencies are few: a set only for the rare long list. */
#define FEW_DEPENDENCIES 16

typedef struct
{
  GHashTable *by_ref;   /* ref → CfSbomComponent*, borrowed; the first of a ref wins */
  GHashTable *targets;  /* CfSbomComponent* → its depends_on as a set, once long */
} Graph;

/* _cf_sbom_graph_add(), for @to already cleaned. */
static void
graph_add (Graph           *graph,
           CfSbomComponent *from,
           const char      *to)
{
  GPtrArray *depends_on = from->depends_on;
  GHashTable *seen = NULL;
  char *copy;

  if (depends_on->len < FEW_DEPENDENCIES)
    {
      for (guint i = 0; i < depends_on->len; i++)
        if (strcmp (g_ptr_array_index (depends_on, i), to) == 0)
          return;
    }
  else
    {
      seen = g_hash_table_lookup (graph->targets, from);
      if (seen == NULL)
        {
          seen = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = 0; i < depends_on->len; i++)
            g_hash_table_add (seen, g_ptr_array_index (depends_on, i));
          g_hash_table_insert (graph->targets, from, seen);
        }
      if (g_hash_table_contains (seen, to))
        return;
    }

  copy = g_strdup (to);
  g_ptr_array_add (depends_on, copy);
  if (seen != NULL)
    g_hash_table_add (seen, copy);
}

/* json_read_dependencies(), once every component is known. */
static void
resolve_dependencies (Builder *builder,
                      CfSbom  *sbom)
{
  CfSbomJsonReader *reader = &builder->reader;
  GArray *entries = builder->dependencies.entries;
  Graph graph;

  graph.by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  graph.targets = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  for (guint i = 0; i < sbom->components->len; i++)
    {
      CfSbomComponent *component = g_ptr_array_index (sbom->components, i);

      if (component->ref != NULL && !g_hash_table_contains (graph.by_ref, component->ref))
        g_hash_table_insert (graph.by_ref, component->ref, component);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      g_autofree char *ref = cf_sbom_json_reader_dup_clean (reader, &entry->ref);
      CfSbomComponent *component = ref != NULL ? g_hash_table_lookup (graph.by_ref, ref) : NULL;

      /* The product's own entry, or one for a ref no component has: not
       * ours to record. */
      if (component == NULL)
        continue;

      component->dependencies_known = TRUE;
      for (guint j = 0; j < entry->targets->len; j++)
        {
          g_autofree char *target = cf_sbom_json_reader_dup_clean (reader,
                                                                  &g_array_index (entry->targets,
                                                                                  CfSbomJsonString, j));

          if (target != NULL)
            graph_add (&graph, component, target);
        }
    }

  g_hash_table_unref (graph.targets);
  g_hash_table_unref (graph.by_ref);
}

/* The document */

static gboolean
read_root (Builder *builder)
{
  CfSbomJsonReader *reader = &builder->reader;
  CfSbomJsonString member;

  if (!cf_sbom_json_reader_enter_object (reader))
    return FALSE;

  while (cf_sbom_json_reader_next_member (reader, &member))
    {
      gboolean ok;

      if (is (builder, &member, "bomFormat"))
        ok = keep_value (builder, &builder->bom_format);
      else if (is (builder, &member, "specVersion"))
        ok = keep_value (builder, &builder->spec_version);
      else if (is (builder, &member, "serialNumber"))
        ok = keep_value (builder, &builder->serial);
      else if (is (builder, &member, "metadata"))
        ok = read_metadata (builder);
      else if (is (builder, &member, "components"))
        ok = read_list (builder, &builder->components);
      else if (is (builder, &member, "dependencies"))
        ok = read_dependencies (builder);
      else
        ok = cf_sbom_json_reader_skip (reader);
      if (!ok)
        return FALSE;
    }

  return !cf_sbom_json_reader_failed (reader);
}

static void
set_not_an_sbom_error (GError **error)
{
  g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
               _("This is not a CycloneDX or SPDX document. Conformity reads CycloneDX 1.2 to 1.6 "
                 "(JSON or XML), SPDX 2.2 and 2.3 (JSON) and SPDX 3.0 (JSON-LD)."));
}

/* json_read_components() for metadata.component, then for the document:
 * into @sbom in that order, up to the first refusal or max_components. */
static gboolean
add_components (Builder  *builder,
                CfSbom   *sbom,
                GError  **error)
{
  List *lists[] = { &builder->metadata.parts, &builder->components };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      List *list = lists[i];
      guint n = list->components != NULL ? list->components->len : 0;

      if (list->overflow || sbom->components->len + n > builder->limits->max_components)
        {
          g_set_error (error, CF_ERROR, CF_ERROR_TOO_LARGE,
                       _("The SBOM has more than %u components, the limit"),
                       builder->limits->max_components);
          return FALSE;
        }
      if (list->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&list->error));
          return FALSE;
        }

      if (n > 0)
        g_ptr_array_extend_and_steal (sbom->components, g_steal_pointer (&list->components));
    }

  return TRUE;
}

/* _cf_sbom_cyclonedx_read_json(), from what was kept. */
static CfSbom *
build (Builder  *builder,
       GError  **error)
{
  g_autoptr(CfSbom) sbom = NULL;
  g_autofree char *where = _cf_sbom_json_path ("$", "specVersion", 0);
  g_autofree char *version = NULL;
  g_autofree char *quoted = NULL;

  if (builder->spec_version.type == CF_SBOM_JSON_NONE || builder->spec_version.type == CF_SBOM_JSON_NULL)
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s is missing"), where);
      return NULL;
    }
  if (!is_string (&builder->spec_version))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s is not a string"), where);
      return NULL;
    }
  if (cf_sbom_json_reader_is_blank (&builder->reader, &builder->spec_version.string))
    {
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT, _("%s is empty"), where);
      return NULL;
    }

  version = dup_raw (builder, &builder->spec_version);
  if (!_cf_sbom_cyclonedx_version_is_supported (version))
    {
      quoted = _cf_sbom_quote (version);
      g_set_error (error, CF_ERROR, CF_ERROR_INVALID_INPUT,
                   _("CycloneDX %s is not supported. Conformity reads CycloneDX 1.2 to 1.6."),
                   quoted);
      return NULL;
    }

  sbom = cf_sbom_new (CF_SBOM_FORMAT_CYCLONEDX_JSON);
  sbom->spec_version = g_steal_pointer (&version);
  sbom->serial = dup_clean (builder, &builder->serial);
  fill_metadata (builder, sbom);

  if (!add_components (builder, sbom, error))
    return NULL;

  if (builder->dependencies.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&builder->dependencies.error));
      return NULL;
    }
  if (builder->dependencies.entries->len > 0)
    resolve_dependencies (builder, sbom);

  return g_steal_pointer (&sbom);
}

/**
 * _cf_sbom_cyclonedx_read_json_stream:
 * @data: the JSON after any byte order mark
 *
 * Reads a CycloneDX JSON document as cf_sbom_parse() reads it through
 * check_json(), json-glib and _cf_sbom_cyclonedx_read_json(): the same
 * SBOM, or a refusal with the same code naming the same line or JSON path.
 *
 * Returns: (transfer full) (nullable): the SBOM; %NULL with @error set, or
 *   %NULL without it when the document is JSON but not CycloneDX (it has no
 *   bomFormat)
 */
CfSbom *
_cf_sbom_cyclonedx_read_json_stream (const char          *data,
                                     gsize                size,
                                     const CfSbomLimits  *limits,
                                     GError             **error)
{
  Builder builder;
  CfSbomLimits defaults;
  CfSbomJsonType root;
  gboolean is_object = FALSE;
  CfSbom *sbom = NULL;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limits == NULL)
    {
      cf_sbom_limits_init_default (&defaults);
      limits = &defaults;
    }

  memset (&builder, 0, sizeof builder);
  builder.limits = limits;
  cf_sbom_json_reader_init (&builder.reader, data, size, limits);
  dependencies_reset (&builder.dependencies);

  /* Empty is JSON to json-glib, with no root: not an SBOM. */
  if (!cf_sbom_json_reader_at_end (&builder.reader))
    {
      root = cf_sbom_json_reader_peek (&builder.reader);
      is_object = root == CF_SBOM_JSON_OBJECT;
      if (is_object ? read_root (&builder) : cf_sbom_json_reader_skip (&builder.reader))
        cf_sbom_json_reader_end (&builder.reader);
    }

  if (cf_sbom_json_reader_failed (&builder.reader))
    g_propagate_error (error, cf_sbom_json_reader_steal_error (&builder.reader));
  else if (!is_object)
    set_not_an_sbom_error (error);
  else if (builder.bom_format.type == CF_SBOM_JSON_NONE)
    ; /* SPDX, or not an SBOM: for json-glib's reader to tell */
  else if (!is_string (&builder.bom_format) ||
           !is (&builder, &builder.bom_format.string, "CycloneDX"))
    set_not_an_sbom_error (error);
  else
    sbom = build (&builder, error);

  builder_clear (&builder);
  return sbom;
}
