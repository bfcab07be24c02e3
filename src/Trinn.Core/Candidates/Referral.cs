using Trinn.Core.Identity;

namespace Trinn.Core.Candidates;

/// <summary>An innsøking from a NAV-veileder. The candidate it created carries the follow-up.</summary>
public class Referral
{
    public const int ReasonMaxLength = 2000;

    public int Id { get; set; }

    public int CandidateId { get; set; }

    public Candidate? Candidate { get; set; }

    /// <summary>The referring NAV-veileder.</summary>
    public required string ReferredById { get; set; }

    public TrinnUser? ReferredBy { get; set; }

    public DateOnly ReferredOn { get; set; }

    public Innsatsgruppe Innsatsgruppe { get; set; }

    public required string Reason { get; set; }

    public required string RegisteredById { get; set; }

    public DateTime RegisteredAtUtc { get; set; }
}
