#include "synth/synth.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include "common/csv_writer.h"
#include "synth/calendar.h"
#include "synth/family.h"
#include "synth/render.h"

namespace reunite {

namespace {

using synth::Rng;

// Record ids that look random but never repeat: the i-th id is a keyed Feistel
// permutation of [0, 10^width), made to stay in range by cycle-walking.
class IdMint {
 public:
  IdMint(std::string prefix, int width, Rng& rng) : prefix_(std::move(prefix)), width_(width), key_(rng.Next()) {
    for (int i = 0; i < width; ++i) modulus_ *= 10;
    while ((std::uint64_t{1} << (2 * half_bits_)) < modulus_) ++half_bits_;
  }
  std::string Next() {
    std::uint64_t v = next_++ % modulus_;
    do v = Permute(v); while (v >= modulus_);
    std::string digits = std::to_string(v);
    return prefix_ + std::string(static_cast<std::size_t>(width_) - digits.size(), '0') + digits;
  }

 private:
  std::uint64_t Permute(std::uint64_t v) const {
    std::uint64_t mask = (std::uint64_t{1} << half_bits_) - 1;
    std::uint64_t left = v >> half_bits_, right = v & mask;
    for (std::uint64_t round = 0; round < 4; ++round) {
      Rng mix(key_ ^ (right * 0x9e3779b97f4a7c15ULL) ^ round);
      std::uint64_t next_right = left ^ (mix.Next() & mask);
      left = right;
      right = next_right;
    }
    return (left << half_bits_) | right;
  }

  std::string prefix_;
  int width_;
  std::uint64_t key_;
  std::uint64_t modulus_ = 1, next_ = 0;
  int half_bits_ = 1;
};

int Width(int minimum, long max_count) {
  int w = 1;
  for (long limit = 10; limit < max_count; limit *= 10) ++w;
  return std::max(minimum, w);
}

// An output file with a large buffer, written one CSV record at a time. The lists
// are import input generated from our own tables, so cells are written verbatim:
// an import must read back exactly what the ground truth says (phones keep their
// '+' unquoted, as agencies write them).
class CsvFile {
 public:
  explicit CsvFile(const std::filesystem::path& path) : buffer_(1 << 20) {
    out_.rdbuf()->pubsetbuf(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    out_.open(path, std::ios::binary | std::ios::trunc);
  }
  bool ok() const { return static_cast<bool>(out_); }
  void Write(const std::vector<std::string>& fields) {
    line_.clear();
    AppendCsvRecord(line_, fields, CsvCells::kVerbatim);
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
  }
  bool Close() {
    out_.close();
    return static_cast<bool>(out_);
  }

 private:
  std::vector<char> buffer_;
  std::ofstream out_;
  std::string line_;
};

struct Outputs {
  CsvFile children, adults, links, entities;
  explicit Outputs(const std::filesystem::path& dir)
      : children(dir / "children.csv"), adults(dir / "adults.csv"), links(dir / "truth_links.csv"),
        entities(dir / "truth_entities.csv") {}
};

Status Validate(const SynthOptions& o, Date* reference) {
  if (o.families < 0) return Status::InvalidArgument("families must be >= 0");
  if (!(o.noise >= 0 && o.noise <= 10)) return Status::InvalidArgument("noise must be between 0 and 10");
  std::optional<Date> ref = synth::ParseIsoDate(o.reference_date);
  if (!ref || synth::DaysFromCivil(*ref) < synth::DaysFromCivil(Date{2018, 5, 1}))
    return Status::InvalidArgument("reference_date must be YYYY-MM-DD on or after 2018-05-01: " +
                                   o.reference_date);
  *reference = *ref;
  return Status::Ok();
}

}  // namespace

namespace {

// The state of one generation run: pools, random streams, id mints and counts.
class ListWriter {
 public:
  ListWriter(const SynthOptions& o, const synth::NamePool& names, const synth::PlacePool& places, Date reference,
             Outputs* out)
      : truth_rng_(o.seed),
        noise_rng_(o.seed ^ 0x6e6f6973655f7273ULL),
        id_rng_(o.seed ^ 0x69645f6d696e7473ULL),
        generator_(names, places, reference, truth_rng_.Next()),
        rates_(o.noise),
        ctx_{names, rates_, noise_rng_},
        orr_("ORR-", Width(6, 3 * o.families), id_rng_),
        ice_("ICE-", Width(7, 2 * o.families), id_rng_),
        cbp_("CBP-", Width(6, 2 * o.families), id_rng_),
        person_width_(Width(7, 5 * o.families)),
        out_(out) {}

  void WriteHeaders() {
    out_->children.Write(synth::kOrrColumns);
    out_->adults.Write(synth::kRecordColumns);
    out_->links.Write({"child_record_id", "adult_record_id", "relationship"});
    out_->entities.Write({"list", "record_id", "person_id"});
  }

  void WriteFamily() {
    generator_.Next(&family_);
    child_ids_.clear();
    for (const synth::SynthChild& c : family_.children) {
      child_ids_.push_back(orr_.Next());
      synth::RenderChild(family_, c, child_ids_.back(), ctx_, &fields_);
      out_->children.Write(fields_);
      out_->entities.Write({"children", child_ids_.back(), NextPersonId()});
      ++summary_.children;
    }
    for (const synth::SynthAdult& a : family_.adults) WriteAdult(a);
  }

  const SynthSummary& summary() const { return summary_; }

 private:
  std::string NextPersonId() {
    std::string digits = std::to_string(++people_);
    return "P" + std::string(static_cast<std::size_t>(std::max(0, person_width_ - static_cast<int>(digits.size()))), '0') +
           digits;
  }

  void WriteAdult(const synth::SynthAdult& a) {
    std::string person = NextPersonId();
    ++summary_.adults;
    bool ice_first = noise_rng_.Chance(0.65);
    int records = noise_rng_.Chance(rates_.duplicate) ? 2 : 1;
    for (int i = 0; i < records; ++i) {
      bool ice = (i == 0) == ice_first;
      std::string id = ice ? ice_.Next() : cbp_.Next();
      synth::RenderAdult(family_, a, id, ice ? synth::Agency::kIce : synth::Agency::kCbp, ctx_, &fields_);
      out_->adults.Write(fields_);
      out_->entities.Write({"adults", id, person});
      for (const std::string& child : child_ids_) {
        out_->links.Write({child, id, synth::ToString(a.relationship)});
        ++summary_.links;
      }
      ++summary_.adult_records;
    }
  }

  Rng truth_rng_, noise_rng_, id_rng_;
  synth::FamilyGenerator generator_;
  synth::NoiseRates rates_;
  synth::RenderContext ctx_;
  IdMint orr_, ice_, cbp_;
  int person_width_;
  long people_ = 0;
  Outputs* out_;
  synth::SynthFamily family_;
  std::vector<std::string> child_ids_, fields_;
  SynthSummary summary_;
};

}  // namespace

Result<SynthSummary> WriteSyntheticLists(const SynthOptions& options, const std::string& out_dir,
                                         std::function<void(double)> progress) {
  Date reference;
  if (Status s = Validate(options, &reference); !s.ok()) return s;
  Result<synth::NamePool> names = synth::NamePool::Load();
  if (!names.ok()) return names.status();
  Result<synth::PlacePool> places = synth::PlacePool::Load();
  if (!places.ok()) return places.status();
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec || !std::filesystem::is_directory(out_dir))
    return Status::IOError("cannot create output directory " + out_dir + ": " + ec.message());
  auto out = std::make_unique<Outputs>(out_dir);
  if (!out->children.ok() || !out->adults.ok() || !out->links.ok() || !out->entities.ok())
    return Status::IOError("cannot open output files in " + out_dir);
  ListWriter writer(options, *names, *places, reference, out.get());
  writer.WriteHeaders();
  for (long i = 0; i < options.families; ++i) {
    writer.WriteFamily();
    if (progress && (i % 4096 == 0)) progress(static_cast<double>(i) / static_cast<double>(options.families));
  }
  bool closed = out->children.Close() & out->adults.Close() & out->links.Close() & out->entities.Close();
  if (!closed) return Status::IOError("cannot write output files in " + out_dir);
  if (progress) progress(1.0);
  return writer.summary();
}

}  // namespace reunite
