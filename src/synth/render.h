// Turns a synthetic family's truth into list rows as an agency would write them,
// applying noise. Every row has the 15 canonical columns of kRecordColumns.
#pragma once
#include <string>
#include <vector>

#include "synth/family.h"
#include "synth/name_pool.h"
#include "synth/noise.h"
#include "synth/random.h"

namespace reunite::synth {

// The header of children.csv and adults.csv, in order.
extern const std::vector<std::string> kRecordColumns;

struct RenderContext {
  const NamePool& names;
  const NoiseRates& rates;
  Rng& rng;  // the noise stream, separate from the truth stream
};

// Fills *fields (resized to kRecordColumns.size()) with one child's ORR row.
void RenderChild(const SynthFamily& family, const SynthChild& child, const std::string& record_id,
                 RenderContext& ctx, std::vector<std::string>* fields);
// Fills *fields with one adult's ICE or CBP row. Each call draws fresh noise, so
// two calls for the same adult give independently garbled duplicates.
void RenderAdult(const SynthFamily& family, const SynthAdult& adult, const std::string& record_id,
                 RenderContext& ctx, std::vector<std::string>* fields);

}  // namespace reunite::synth
