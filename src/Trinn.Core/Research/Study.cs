using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Candidates;
using Trinn.Core.Common;
using Trinn.Core.Data;
using Trinn.Core.NationalIds;
using Trinn.Core.Teams;

namespace Trinn.Core.Research;

/// <summary>
/// A research study (forskningsprosjekt), created by an admin, covering some teams or the whole organisation.
/// Candidates who consented to research (<see cref="CooperationAgreement.ConsentResearch"/>) are enrolled and each
/// gets a research ID; everything the forsker sees of the study carries only that ID.
/// </summary>
public class Study
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Every team, present and future; otherwise only <see cref="Teams"/>.</summary>
    public bool WholeOrganisation { get; set; }

    public List<StudyTeam> Teams { get; } = [];

    public List<StudyParticipant> Participants { get; } = [];

    public required string CreatedById { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public static Study Create(string? name, bool wholeOrganisation, IReadOnlyCollection<int> teamIds, string byUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(teamIds);
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(nameof(Name), "Error_Required");
        }

        if (trimmed.Length > NameMaxLength)
        {
            throw new DomainException(nameof(Name), "Error_TooLong");
        }

        if (!wholeOrganisation && teamIds.Count == 0)
        {
            throw new DomainException(nameof(Teams), "Error_StudyNoTeams");
        }

        var study = new Study { Name = trimmed, WholeOrganisation = wholeOrganisation, CreatedById = byUserId, CreatedAtUtc = nowUtc };
        if (!wholeOrganisation)
        {
            study.Teams.AddRange(teamIds.Distinct().Order().Select(id => new StudyTeam { TeamId = id }));
        }

        return study;
    }
}

public class StudyTeam
{
    public int StudyId { get; set; }

    public int TeamId { get; set; }

    public Team? Team { get; set; }
}

/// <summary>A candidate's membership of one study, under a research ID that is random and unique across all studies.</summary>
public class StudyParticipant
{
    public const int ResearchIdLength = 10;

    public int Id { get; set; }

    public int StudyId { get; set; }

    public Study? Study { get; set; }

    public int CandidateId { get; set; }

    public Candidate? Candidate { get; set; }

    /// <summary>"R-" and eight characters of <see cref="ResearchIds.Alphabet"/>; drawn at random, never derived from the person.</summary>
    public required string ResearchId { get; set; }

    /// <summary>Age band at referral, taken at enrolment so it outlives the national ID (retention removes that).</summary>
    public string? AgeBand { get; set; }

    public required string EnrolledById { get; set; }

    public DateTime EnrolledAtUtc { get; set; }
}

/// <summary>Research IDs: "R-" followed by eight characters from an alphabet without look-alikes (no 0/O, 1/I/L).</summary>
public static class ResearchIds
{
    public const string Prefix = "R-";
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int RandomLength = 8;

    private static readonly System.Buffers.SearchValues<char> AlphabetValues = System.Buffers.SearchValues.Create(Alphabet);

    /// <summary>A fresh ID from the operating system's cryptographic generator (31^8 ≈ 8.5·10^11 possibilities).</summary>
    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    public static bool IsWellFormed(string? value) =>
        value is { Length: StudyParticipant.ResearchIdLength }
        && value.StartsWith(Prefix, StringComparison.Ordinal)
        && value.AsSpan(Prefix.Length).IndexOfAnyExcept(AlphabetValues) < 0;

    /// <summary>Ten-year bands (18–29 first), coarse on purpose: small teams make exact ages identifying.</summary>
    public static string? AgeBand(DateOnly? birthDate, DateOnly on)
    {
        if (birthDate is not { } born || born > on)
        {
            return null;
        }

        var age = on.Year - born.Year - (on < born.AddYears(on.Year - born.Year) ? 1 : 0);
        return age switch
        {
            < 18 => "under 18",
            < 30 => "18-29",
            < 40 => "30-39",
            < 50 => "40-49",
            < 60 => "50-59",
            _ => "60+",
        };
    }
}

/// <summary>Enrolling candidates in a study: only with research consent, once per study, with a fresh research ID.</summary>
public static class StudyEnrolment
{
    /// <summary>
    /// Adds a participant (not yet saved). Refuses a candidate outside the study's teams, one without research
    /// consent in the cooperation agreement, and one already enrolled — each as a <see cref="DomainException"/> on
    /// the field <c>CandidateId</c>.
    /// </summary>
    public static async Task<StudyParticipant> EnrolAsync(TrinnDbContext db, Study study, int candidateId, string byUserId, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(study);
        var candidate = await db.Candidates.AsNoTracking()
            .Where(c => c.Id == candidateId && c.AnonymisedAtUtc == null)
            .Select(c => new { c.Id, c.TeamId, c.NationalId, Consent = c.Agreement != null && c.Agreement.ConsentResearch, ReferredOn = c.Referral != null ? c.Referral.ReferredOn : (DateOnly?)null })
            .SingleOrDefaultAsync(ct);
        if (candidate is null || !(study.WholeOrganisation || study.Teams.Any(t => t.TeamId == candidate.TeamId)))
        {
            throw new DomainException("CandidateId", "Error_NotInStudyTeams");
        }

        if (!candidate.Consent)
        {
            throw new DomainException("CandidateId", "Error_NoResearchConsent");
        }

        if (await db.Set<StudyParticipant>().AnyAsync(p => p.StudyId == study.Id && p.CandidateId == candidateId, ct))
        {
            throw new DomainException("CandidateId", "Error_AlreadyEnrolled");
        }

        var researchId = await NewUniqueIdAsync(db, ct);
        var birthDate = NationalIdNumber.Check(candidate.NationalId, allowSynthetic: true).BirthDate;
        var participant = new StudyParticipant
        {
            StudyId = study.Id,
            CandidateId = candidateId,
            ResearchId = researchId,
            AgeBand = ResearchIds.AgeBand(birthDate, candidate.ReferredOn ?? DateOnly.FromDateTime(nowUtc)),
            EnrolledById = byUserId,
            EnrolledAtUtc = nowUtc,
        };
        db.Add(participant);
        return participant;
    }

    private static async Task<string> NewUniqueIdAsync(TrinnDbContext db, CancellationToken ct)
    {
        // A collision is astronomically unlikely; the unique index is the final guard.
        while (true)
        {
            var id = ResearchIds.New();
            var pending = db.ChangeTracker.Entries<StudyParticipant>().Any(e => e.Entity.ResearchId == id);
            if (!pending && !await db.Set<StudyParticipant>().AnyAsync(p => p.ResearchId == id, ct))
            {
                return id;
            }
        }
    }
}

internal sealed class StudyConfiguration : IEntityTypeConfiguration<Study>
{
    public void Configure(EntityTypeBuilder<Study> builder)
    {
        builder.ToTable("Studies");
        builder.Property(s => s.Name).HasMaxLength(Study.NameMaxLength);
        builder.Property(s => s.CreatedById).HasMaxLength(450);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasMany(s => s.Teams).WithOne().HasForeignKey(t => t.StudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Participants).WithOne(p => p.Study).HasForeignKey(p => p.StudyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StudyTeamConfiguration : IEntityTypeConfiguration<StudyTeam>
{
    public void Configure(EntityTypeBuilder<StudyTeam> builder)
    {
        builder.ToTable("StudyTeams");
        builder.HasKey(t => new { t.StudyId, t.TeamId });
        builder.HasOne(t => t.Team).WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StudyParticipantConfiguration : IEntityTypeConfiguration<StudyParticipant>
{
    public void Configure(EntityTypeBuilder<StudyParticipant> builder)
    {
        builder.ToTable("StudyParticipants");
        builder.Property(p => p.ResearchId).HasMaxLength(StudyParticipant.ResearchIdLength);
        builder.Property(p => p.AgeBand).HasMaxLength(10);
        builder.Property(p => p.EnrolledById).HasMaxLength(450);
        builder.HasIndex(p => p.ResearchId).IsUnique();
        builder.HasIndex(p => new { p.StudyId, p.CandidateId }).IsUnique();
        builder.HasOne(p => p.Candidate).WithMany().HasForeignKey(p => p.CandidateId).OnDelete(DeleteBehavior.Restrict);
    }
}
