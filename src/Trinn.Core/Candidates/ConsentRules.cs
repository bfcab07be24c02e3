using Microsoft.EntityFrameworkCore;
using Trinn.Core.Common;
using Trinn.Core.Data;

namespace Trinn.Core.Candidates;

/// <summary>The four consents of the cooperation agreement (samarbeidsavtale), stage 1.</summary>
public enum AgreementConsent
{
    /// <summary>Talking with employers about the candidate (employer contacts and journal notes with an employer).</summary>
    EmployerContact = 1,

    /// <summary>Exchanging information about the candidate with their NAV-veileder.</summary>
    NavVeileder = 2,

    /// <summary>Contacting health services or others named by the candidate.</summary>
    HealthAndNetwork = 3,

    /// <summary>Taking part in research (study enrolment, study consent, questionnaires).</summary>
    Research = 4,
}

/// <summary>
/// Where the cooperation agreement's consents are enforced. Every check refuses with a <see cref="DomainException"/>
/// whose message key is <c>Error_NoConsent_{consent}</c> (a Norwegian text in SharedResource.resx) on the caller's field.
/// </summary>
public static class ConsentRules
{
    /// <summary>Whether the agreement (null = not signed yet) gives <paramref name="consent"/>.</summary>
    public static bool Gives(this CooperationAgreement? agreement, AgreementConsent consent) => agreement is not null && consent switch
    {
        AgreementConsent.EmployerContact => agreement.ConsentEmployerContact,
        AgreementConsent.NavVeileder => agreement.ConsentNavVeileder,
        AgreementConsent.HealthAndNetwork => agreement.ConsentHealthAndNetwork,
        AgreementConsent.Research => agreement.ConsentResearch,
        _ => false,
    };

    /// <summary>Throws unless the agreement gives <paramref name="consent"/>.</summary>
    public static void Require(CooperationAgreement? agreement, AgreementConsent consent, string field)
    {
        if (!agreement.Gives(consent))
        {
            throw new DomainException(field, MessageKey(consent));
        }
    }

    public static string MessageKey(AgreementConsent consent) => "Error_NoConsent_" + consent;

    /// <summary>
    /// Throws unless every candidate in <paramref name="candidateIds"/> has a signed agreement giving
    /// <paramref name="consent"/> (one query for all of them).
    /// </summary>
    public static async Task RequireAsync(TrinnDbContext db, IEnumerable<int> candidateIds, AgreementConsent consent, string field, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = candidateIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var agreements = await db.CooperationAgreements.AsNoTracking().Where(a => ids.Contains(a.CandidateId)).ToListAsync(ct);
        foreach (var id in ids)
        {
            Require(agreements.FirstOrDefault(a => a.CandidateId == id), consent, field);
        }
    }
}
