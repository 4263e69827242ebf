#pragma once

// The clock port: core never reads a clock of its own. The terminal player and the server use the
// system clock; tests and `unload session --clock virtual` use a virtual one that jumps to the next
// moment something happens, so a 15-minute session plays in milliseconds with exact timings.

#include <cstdint>

#include "core/records.hpp"

namespace unload::core {

class Clock {
public:
    virtual ~Clock() = default;
    /// The wall-clock time.
    virtual Timestamp now() const = 0;
    /// The person's calendar day at a moment (their time zone).
    virtual Day day_of(Timestamp at) const = 0;
    /// Milliseconds on a steady clock that never goes back, for timing a session.
    virtual std::int64_t steady_ms() const = 0;
};

/// A clock that moves only when told: wall time fixed at construction plus what was advanced,
/// days in UTC.
class VirtualClock final : public Clock {
public:
    explicit VirtualClock(Timestamp start) : m_start(start) {}
    Timestamp now() const override {
        return m_start + std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::milliseconds(m_steady_ms));
    }
    Day day_of(Timestamp at) const override { return std::chrono::floor<std::chrono::days>(at); }
    std::int64_t steady_ms() const override { return m_steady_ms; }
    /// Moves time forward to `steady_ms`; never backward.
    void advance_to(std::int64_t steady_ms) {
        if (steady_ms > m_steady_ms)
            m_steady_ms = steady_ms;
    }

private:
    Timestamp m_start;
    std::int64_t m_steady_ms = 0;
};

} // namespace unload::core
