using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Trinn.Core.Candidates;
using Trinn.Core.Common;
using Trinn.Core.Identity;
using Trinn.Core.NationalIds;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Referrals;

/// <summary>An innsøking as typed on the page or sent to <c>POST /api/referrals</c>.</summary>
public sealed class ReferralInput
{
    [Required(ErrorMessage = "Error_Required")]
    [StringLength(Candidate.NameMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_FirstName")]
    public string? FirstName { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [StringLength(Candidate.NameMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_LastName")]
    public string? LastName { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [StringLength(20, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_NationalId")]
    public string? NationalId { get; set; }

    [StringLength(30, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Phone")]
    public string? Phone { get; set; }

    [StringLength(200, ErrorMessage = "Error_TooLong")]
    [EmailAddress(ErrorMessage = "Error_Email")]
    [Display(Name = "Field_Email")]
    public string? Email { get; set; }

    [StringLength(300, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Address")]
    public string? Address { get; set; }

    /// <summary>The referring NAV-veileder. A NAV-veileder who registers the referral is the referrer.</summary>
    [Display(Name = "Field_ReferredBy")]
    public string? ReferredById { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_ReferredOn")]
    public DateOnly? ReferredOn { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Innsatsgruppe")]
    public Innsatsgruppe? Innsatsgruppe { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [StringLength(Referral.ReasonMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Reason")]
    public string? Reason { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Team")]
    public int? TeamId { get; set; }

    [Display(Name = "Field_PrimarySpecialist")]
    public string? PrimarySpecialistId { get; set; }

    [Display(Name = "Field_BackupSpecialist")]
    public string? BackupSpecialistId { get; set; }
}

/// <summary>The rules of a referral beyond field formats, shared by the page and the API.</summary>
public sealed class ReferralRegistration(TrinnDbContext db, UserManager<TrinnUser> users, TimeProvider time)
{
    /// <summary>Field errors as resource keys; empty when the referral may be saved.</summary>
    public async Task<Dictionary<string, string>> ValidateAsync(ReferralInput input, ClaimsPrincipal user, bool allowSynthetic)
    {
        var errors = new Dictionary<string, string>();

        // The team first, and nothing else when the caller may not register to it: no later check may tell anything
        // about a team the caller has no business with.
        if (input.TeamId is { } teamId)
        {
            if (!await db.Teams.AnyAsync(t => t.Id == teamId))
            {
                errors[nameof(input.TeamId)] = "Error_UnknownTeam";
                return errors;
            }

            if (user.IsTeamMember() && user.TeamId() != teamId)
            {
                errors[nameof(input.TeamId)] = "Error_OwnTeamOnly";
                return errors;
            }
        }

        var id = NationalIdNumber.Check(input.NationalId, allowSynthetic);
        if (!id.IsValid)
        {
            errors[nameof(input.NationalId)] = "NationalId_" + id.Error;
        }

        if (input.ReferredOn is { } on && on > NorwegianTime.Today(time))
        {
            errors[nameof(input.ReferredOn)] = "Error_DateInFuture";
        }
        else if (input.ReferredOn is { } old && !SaneDates.Contains(old))
        {
            // The page's binder refuses such a date already; the API reads JSON and gets the same answer here.
            errors[nameof(input.ReferredOn)] = "Error_DateOutOfRange";
        }

        if (!user.IsInRole(Roles.NavVeileder))
        {
            if (string.IsNullOrEmpty(input.ReferredById))
            {
                errors[nameof(input.ReferredById)] = "Error_Required";
            }
            else if (!await CandidateLookups.IsInRoleAsync(users, input.ReferredById, Roles.NavVeileder))
            {
                errors[nameof(input.ReferredById)] = "Error_NotNavVeileder";
            }
        }

        if (user.IsTeamMember())
        {
            foreach (var (field, key) in await SpecialistAssignment.CheckAsync(db, input.TeamId, input.PrimarySpecialistId, input.BackupSpecialistId))
            {
                errors[field] = key;
            }
        }
        else
        {
            // Only the team assigns its job specialists.
            foreach (var (field, specialist) in new[] { (nameof(input.PrimarySpecialistId), input.PrimarySpecialistId), (nameof(input.BackupSpecialistId), input.BackupSpecialistId) })
            {
                if (!string.IsNullOrEmpty(specialist))
                {
                    errors[field] = "Error_CannotAssign";
                }
            }

            if (SpecialistAssignment.SameAsPrimary(input.PrimarySpecialistId, input.BackupSpecialistId))
            {
                errors[nameof(input.BackupSpecialistId)] = "Error_BackupSameAsPrimary";
            }
        }

        // Last, and only for a referral that would otherwise be saved: whether the person is already followed up in the
        // team. Probing with a deliberately broken form (a future date) learns nothing, and a hit is in the candidate's
        // access log.
        if (errors.Count == 0 && input.TeamId is { } t2)
        {
            var hash = NationalIdProtector.Current.LookupHash(input.NationalId!);
            var existing = await db.Candidates.Where(c => c.TeamId == t2 && c.NationalIdHash == hash && c.DischargedOn == null)
                .Select(c => (int?)c.Id).FirstOrDefaultAsync();
            if (existing is { } candidateId)
            {
                errors[nameof(input.NationalId)] = "Error_AlreadyActive";
                await db.AuditReadAsync(AuditEntities.ReferralDuplicateCheck, candidateId);
            }
        }

        return errors;
    }

    /// <summary>Creates the candidate in stage 1 with its referral. Call only after <see cref="ValidateAsync"/> found nothing.</summary>
    public async Task<Candidate> CreateAsync(ReferralInput input, ClaimsPrincipal user)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var userId = user.UserId();
        var referredBy = user.IsInRole(Roles.NavVeileder) ? userId : input.ReferredById!;
        var candidate = new Candidate
        {
            TeamId = input.TeamId!.Value,
            FirstName = input.FirstName!.Trim(),
            LastName = input.LastName!.Trim(),
            NationalId = NationalIdNumber.Normalize(input.NationalId!),
            Phone = TextInput.Blank(input.Phone),
            Email = TextInput.Blank(input.Email),
            Address = TextInput.Blank(input.Address),
            PrimarySpecialistId = TextInput.Blank(input.PrimarySpecialistId),
            BackupSpecialistId = TextInput.Blank(input.BackupSpecialistId),
            CreatedAtUtc = now,
            Referral = new Referral
            {
                ReferredById = referredBy,
                ReferredOn = input.ReferredOn!.Value,
                Innsatsgruppe = input.Innsatsgruppe!.Value,
                Reason = input.Reason!.Trim(),
                RegisteredById = userId,
                RegisteredAtUtc = now,
            },
        };
        candidate.Start(input.ReferredOn.Value, userId, now);
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync();
        return candidate;
    }
}
