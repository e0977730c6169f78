// Turns a synthetic family's truth into list rows as an agency would write them,
// applying noise. Every row has the 15 canonical columns of kRecordColumns.
#pragma once
#include <string>
#include <vector>

#include "synth/agency_style.h"
#include "synth/family.h"
#include "synth/name_pool.h"
#include "synth/noise.h"
#include "synth/random.h"

namespace reunite::synth {

// The header of adults.csv, in order; children.csv has ORR's names for the same
// columns (kOrrColumns).
extern const std::vector<std::string> kRecordColumns;

struct RenderContext {
  const NamePool& names;
  const NoiseRates& rates;
  Rng& rng;  // the noise stream, separate from the truth stream
};

// Fills *fields (resized to kRecordColumns.size()) with one child's ORR row, written
// the ORR way (agency_style.h).
void RenderChild(const SynthFamily& family, const SynthChild& child, const std::string& record_id,
                 RenderContext& ctx, std::vector<std::string>* fields);
// Fills *fields with one adult's row as ICE's or CBP's system writes it. Each call
// draws fresh noise, so two calls for the same adult give independently garbled
// duplicates.
void RenderAdult(const SynthFamily& family, const SynthAdult& adult, const std::string& record_id,
                 Agency agency, RenderContext& ctx, std::vector<std::string>* fields);

}  // namespace reunite::synth
