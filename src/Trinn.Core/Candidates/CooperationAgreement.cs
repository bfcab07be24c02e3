using Trinn.Core.Common;

namespace Trinn.Core.Candidates;

/// <summary>Stage 1: the signed cooperation agreement (samarbeidsavtale) and the candidate's consents.</summary>
public class CooperationAgreement : IVersioned
{
    public const int AgreedMaxLength = 4000;

    public int Id { get; set; }

    public int CandidateId { get; set; }

    public Candidate? Candidate { get; set; }

    public DateOnly SignedOn { get; set; }

    public required string Agreed { get; set; }

    /// <summary>The candidate agrees that the job specialist may talk with employers about them.</summary>
    public bool ConsentEmployerContact { get; set; }

    /// <summary>The job specialist may exchange information with the candidate's NAV-veileder.</summary>
    public bool ConsentNavVeileder { get; set; }

    /// <summary>The job specialist may contact health services or others named by the candidate.</summary>
    public bool ConsentHealthAndNetwork { get; set; }

    /// <summary>The candidate takes part in the research study (questionnaires).</summary>
    public bool ConsentResearch { get; set; }

    public long Version { get; set; }

    /// <summary>
    /// The first agreement of a candidate, not yet recorded. It starts at version 1, so a second form opened before any
    /// agreement existed (it posts version 0) conflicts with it instead of silently overwriting it.
    /// </summary>
    public static CooperationAgreement New(int candidateId) => new() { CandidateId = candidateId, Agreed = "", Version = 1 };

    /// <summary>
    /// Records what was signed: the date may not be ahead of <paramref name="today"/> nor before the referral
    /// (<paramref name="referredOn"/>), and the agreed text is required.
    /// </summary>
    public void Record(DateOnly signedOn, string? agreed, AgreementConsents consents, DateOnly referredOn, DateOnly today)
    {
        if (signedOn > today)
        {
            throw new DomainException(nameof(SignedOn), "Error_DateInFuture");
        }

        if (signedOn < referredOn)
        {
            throw new DomainException(nameof(SignedOn), "Error_BeforeReferral");
        }

        if (string.IsNullOrWhiteSpace(agreed))
        {
            throw new DomainException(nameof(Agreed), "Error_Required");
        }

        if (agreed.Length > AgreedMaxLength)
        {
            throw new DomainException(nameof(Agreed), "Error_TooLong");
        }

        SignedOn = signedOn;
        Agreed = agreed.Trim();
        ConsentEmployerContact = consents.EmployerContact;
        ConsentNavVeileder = consents.NavVeileder;
        ConsentHealthAndNetwork = consents.HealthAndNetwork;
        ConsentResearch = consents.Research;
    }
}

/// <summary>The consents given in a cooperation agreement.</summary>
public readonly record struct AgreementConsents(bool EmployerContact, bool NavVeileder, bool HealthAndNetwork, bool Research);
