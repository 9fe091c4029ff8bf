/*
 * The table of built-in presets.
 *
 * A preset is nothing but catalogue text run through the same reader as a
 * user's file, so a preset can always be written out, edited and loaded back.
 */
#include <string.h>

#include "presets.h"
#include "trustassess/framework.h"

typedef struct preset {
    const char *name;
    const char *text;
} preset;

static const preset presets[] = {
    {"nof-2025-26", tai_preset_nof_2025_26},
    {"nof-2025-26-acute", tai_preset_nof_2025_26_acute},
    {"nof-2025-26-ambulance", tai_preset_nof_2025_26_ambulance},
};

#define N_PRESETS (sizeof presets / sizeof presets[0])

size_t ta_framework_preset_count(void)
{
    return N_PRESETS;
}

const char *ta_framework_preset_name(size_t i)
{
    return i < N_PRESETS ? presets[i].name : NULL;
}

const char *ta_framework_preset_text(const char *name)
{
    for (size_t i = 0; name && i < N_PRESETS; i++)
        if (strcmp(presets[i].name, name) == 0)
            return presets[i].text;
    return NULL;
}

ta_status ta_framework_preset(ta_framework **out, const char *name, const ta_allocator *alloc)
{
    const char *text;
    ta_framework_builder *b = NULL;
    ta_status st;
    if (!out)
        return TA_EINVAL;
    *out = NULL;
    if (!name)
        return TA_EINVAL;
    if (!(text = ta_framework_preset_text(name)))
        return TA_ENOTFOUND;
    if ((st = ta_framework_builder_new(&b, name, alloc)) != TA_OK)
        return st;
    st = ta_framework_builder_read_buffer(b, text, strlen(text), name);
    if (st == TA_OK)
        st = ta_framework_builder_build(out, b);
    ta_framework_builder_free(b);
    return st; /* the preset texts are tested: only TA_ENOMEM can reach here */
}
