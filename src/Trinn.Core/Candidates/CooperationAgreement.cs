using Trinn.Core.Common;

namespace Trinn.Core.Candidates;

/// <summary>The consents of the cooperation agreement that a contact can need.</summary>
public enum ConsentKind
{
    EmployerContact = 1,
    NavVeileder = 2,
    HealthAndNetwork = 3,
    Research = 4,
}

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

    public bool Has(ConsentKind kind) => kind switch
    {
        ConsentKind.EmployerContact => ConsentEmployerContact,
        ConsentKind.NavVeileder => ConsentNavVeileder,
        ConsentKind.HealthAndNetwork => ConsentHealthAndNetwork,
        ConsentKind.Research => ConsentResearch,
        _ => false,
    };

    /// <summary>
    /// Refuses a contact the candidate has not consented to: without a signed agreement, or without the consent,
    /// <see cref="DomainException"/> on <paramref name="field"/> with <c>Error_NoConsent_{kind}</c>.
    /// </summary>
    public static void EnsureConsent(CooperationAgreement? agreement, ConsentKind kind, string field)
    {
        if (agreement is null || !agreement.Has(kind))
        {
            throw new DomainException(field, "Error_NoConsent_" + kind);
        }
    }
}
