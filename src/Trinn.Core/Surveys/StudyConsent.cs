using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Candidates;
using Trinn.Core.Common;
using Trinn.Core.Data;
using Trinn.Core.Research;

namespace Trinn.Core.Surveys;

/// <summary>
/// Informed written consent of one participant to one study: when it was given, to which version of the
/// information letter, who registered it, and a withdrawal. Waves are scheduled when consent is registered; no
/// invitation goes out without an unwithdrawn consent.
/// </summary>
public class StudyConsent : IVersioned
{
    public int Id { get; private set; }

    public int ParticipantId { get; private set; }

    public StudyParticipant? Participant { get; private set; }

    public int StudyId { get; private set; }

    public int CandidateId { get; private set; }

    public DateOnly ConsentedOn { get; private set; }

    /// <summary>The day the waves count from (usually the consent date).</summary>
    public DateOnly InclusionDate { get; private set; }

    public int LetterNumber { get; private set; }

    public string RegisteredById { get; private set; } = "";

    public DateTime RegisteredAtUtc { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }

    public string? WithdrawnById { get; private set; }

    /// <summary>Set when the withdrawal deleted the answers given before it (the study's <see cref="WithdrawalPolicy.Delete"/>).</summary>
    public bool AnswersDeleted { get; private set; }

    public long Version { get; set; }

    public bool IsActive => WithdrawnOn is null;

    /// <summary>
    /// Registers consent for a candidate: checks the cooperation agreement's research consent, enrols the candidate
    /// in the study if not yet enrolled (a research ID), and schedules the protocol's waves from the inclusion date.
    /// Nothing is saved; the caller saves once.
    /// </summary>
    public static async Task<StudyConsent> RegisterAsync(
        TrinnDbContext db, Study study, StudyProtocol protocol, int candidateId, DateOnly? consentedOn, DateOnly? inclusionDate,
        int? letterNumber, string byUserId, DateOnly today, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(protocol);
        if (consentedOn is not { } consented)
        {
            throw new DomainException(nameof(ConsentedOn), "Error_Required");
        }

        if (consented > today)
        {
            throw new DomainException(nameof(ConsentedOn), "Error_DateInFuture");
        }

        var inclusion = inclusionDate ?? consented;
        if (inclusion < consented)
        {
            throw new DomainException(nameof(InclusionDate), "Error_InclusionBeforeConsent");
        }

        if (letterNumber is not { } letter || !await db.Set<InformationLetter>().AnyAsync(l => l.StudyId == study.Id && l.Number == letter, ct))
        {
            throw new DomainException(nameof(LetterNumber), "Error_UnknownLetter");
        }

        var agreement = await db.CooperationAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.CandidateId == candidateId, ct);
        ConsentRules.Require(agreement, AgreementConsent.Research, "CandidateId");

        var participant = await db.Set<StudyParticipant>().SingleOrDefaultAsync(p => p.StudyId == study.Id && p.CandidateId == candidateId, ct)
            ?? await StudyEnrolment.EnrolAsync(db, study, candidateId, byUserId, nowUtc, ct);
        if (participant.Id != 0 && await db.Set<StudyConsent>().AnyAsync(c => c.ParticipantId == participant.Id, ct))
        {
            throw new DomainException("CandidateId", "Error_ConsentExists");
        }

        var consent = new StudyConsent
        {
            Participant = participant,
            StudyId = study.Id,
            CandidateId = candidateId,
            ConsentedOn = consented,
            InclusionDate = inclusion,
            LetterNumber = letter,
            RegisteredById = byUserId,
            RegisteredAtUtc = nowUtc,
        };
        db.Add(consent);
        foreach (var dates in protocol.Schedule(inclusion))
        {
            db.Add(SurveyWave.Schedule(participant, candidateId, study.Id, dates, protocol.InstrumentKey, protocol.InstrumentVersion));
        }

        return consent;
    }

    /// <summary>
    /// Withdraws consent: unanswered waves are closed, unsent messages cancelled, and — when the study says
    /// <see cref="WithdrawalPolicy.Delete"/> — answers and scores already given are deleted. The caller saves.
    /// </summary>
    public async Task WithdrawAsync(TrinnDbContext db, WithdrawalPolicy policy, DateOnly? withdrawnOn, string byUserId, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!IsActive)
        {
            throw new DomainException(nameof(WithdrawnOn), "Error_AlreadyWithdrawn");
        }

        if (withdrawnOn is not { } on || on > today || on < ConsentedOn)
        {
            throw new DomainException(nameof(WithdrawnOn), "Error_WithdrawnOn");
        }

        (WithdrawnOn, WithdrawnById) = (on, byUserId);
        var waves = await db.Set<SurveyWave>().Where(w => w.ParticipantId == ParticipantId).ToListAsync(ct);
        foreach (var wave in waves)
        {
            wave.Withdraw(policy == WithdrawalPolicy.Delete);
        }

        var waveIds = waves.Select(w => w.Id).ToList();
        foreach (var message in await db.Set<OutboxMessage>().Where(m => m.WaveId != null && waveIds.Contains(m.WaveId.Value) && m.Status == OutboxStatus.Pending).ToListAsync(ct))
        {
            message.Cancel();
        }

        if (policy == WithdrawalPolicy.Delete)
        {
            AnswersDeleted = true;
            db.RemoveRange(await db.Set<SurveyScore>().Where(s => waveIds.Contains(s.WaveId)).ToListAsync(ct));
        }
    }
}

internal sealed class StudyConsentConfiguration : IEntityTypeConfiguration<StudyConsent>
{
    public void Configure(EntityTypeBuilder<StudyConsent> builder)
    {
        builder.ToTable("StudyConsents");
        builder.HasIndex(c => c.ParticipantId).IsUnique();
        builder.HasIndex(c => c.CandidateId);
        builder.HasOne(c => c.Participant).WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.RegisteredById).HasMaxLength(450);
        builder.Property(c => c.WithdrawnById).HasMaxLength(450);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}
