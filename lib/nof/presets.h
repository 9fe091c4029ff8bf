/*
 * Internal: the catalogue texts of the built-in presets.
 */
#ifndef TAI_PRESETS_H
#define TAI_PRESETS_H

extern const char tai_preset_nof_2025_26[];
extern const char tai_preset_nof_2025_26_acute[];
extern const char tai_preset_nof_2025_26_ambulance[];

#endif /* TAI_PRESETS_H */
