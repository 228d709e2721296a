#pragma once
// The candidates view of staff mode: effects over its service and the matches service, the CV preview
// texture (uploaded when a candidate opens, released when the detail closes), and drawing.
#include <cstdint>

#include "kiosk/staff/candidates/service.hpp"
#include "kiosk/staff/matches/service.hpp"
#include "kiosk/staff/module.hpp"
#include "kiosk/text/text_cache.hpp"

namespace kk::staff {

class CandidatesModule final : public ViewModule {
public:
    // Null services: the view says the data is not available. `uploader` outlives the module.
    CandidatesModule(CandidatesService* service, MatchesService* matches, text::TextureUploader& uploader);
    ~CandidatesModule() override;
    CandidatesModule(const CandidatesModule&) = delete;
    CandidatesModule& operator=(const CandidatesModule&) = delete;

    void effects(const EffectContext& context) override;
    // Loads the list when the view is shown without one; keeps the CV preview in step with the open candidate.
    void poll(const StaffState& state, const std::function<void(const StaffAction&)>& apply) override;
    void draw(StaffUi& ui) override;

    // The candidate whose CV preview is uploaded (0: none).
    std::int64_t preview_candidate() const { return preview_for_; }

private:
    void release_preview();

    CandidatesService* service_;
    MatchesService* matches_;
    text::TextureUploader& uploader_;
    ImTextureID preview_ = nullptr;
    ImVec2 preview_size_{};
    std::int64_t preview_for_ = 0;
};

}  // namespace kk::staff
