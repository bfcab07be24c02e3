using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Common;
using Trinn.Core.Opportunities;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Opportunities;

/// <summary>The opportunity form, shared by New and Edit.</summary>
public sealed class OpportunityInput
{
    [Required(ErrorMessage = "Error_Required")]
    [StringLength(JobOpportunity.TitleMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_OpportunityTitle")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [StringLength(JobOpportunity.TextMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Tasks")]
    public string? Tasks { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Range(1, JobOpportunity.MaxHoursPerWeek, ErrorMessage = "Error_HoursPerWeek")]
    [Display(Name = "Field_HoursPerWeek")]
    public int? HoursPerWeek { get; set; }

    [StringLength(JobOpportunity.ShortTextMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_HoursNote")]
    public string? HoursNote { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [StringLength(JobOpportunity.ShortTextMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_OpportunityPlace")]
    public string? Place { get; set; }

    [StringLength(JobOpportunity.TextMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Requirements")]
    public string? Requirements { get; set; }

    [StringLength(JobOpportunity.ShortTextMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Industry")]
    public string? Industry { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_OpportunityStatus")]
    public OpportunityStatus? Status { get; set; } = OpportunityStatus.Open;

    [Display(Name = "Field_CarvedFor")]
    public int? CarvedForCandidateId { get; set; }

    public long Version { get; set; }

    public static OpportunityInput From(JobOpportunity o) => new()
    {
        Title = o.Title,
        Tasks = o.Tasks,
        HoursPerWeek = o.HoursPerWeek,
        HoursNote = o.HoursNote,
        Place = o.Place,
        Requirements = o.Requirements,
        Industry = o.Industry,
        Status = o.Status,
        CarvedForCandidateId = o.CarvedForCandidateId,
        Version = o.Version,
    };
}

internal static class OpportunityForm
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [nameof(JobOpportunity.Title)] = "Field_OpportunityTitle",
        [nameof(JobOpportunity.Tasks)] = "Field_Tasks",
        [nameof(JobOpportunity.HoursPerWeek)] = "Field_HoursPerWeek",
        [nameof(JobOpportunity.HoursNote)] = "Field_HoursNote",
        [nameof(JobOpportunity.Place)] = "Field_OpportunityPlace",
        [nameof(JobOpportunity.Requirements)] = "Field_Requirements",
        [nameof(JobOpportunity.Industry)] = "Field_Industry",
        [nameof(JobOpportunity.Status)] = "Field_OpportunityStatus",
    };

    /// <summary>
    /// Copies the form onto the entity under its rules, after checking that a newly chosen carved-for candidate is an
    /// active candidate of the user's team. A refused rule throws <see cref="DomainException"/> (<see cref="Message"/> words it).
    /// </summary>
    public static async Task ApplyAsync(
        OpportunityInput input, JobOpportunity opportunity, string? employerIndustry, TrinnDbContext db, ClaimsPrincipal user)
    {
        if (input.CarvedForCandidateId is { } carved
            && carved != opportunity.CarvedForCandidateId
            && !await db.Candidates.AsNoTracking().VisibleTo(user).AnyAsync(c => c.Id == carved && c.DischargedOn == null))
        {
            throw new DomainException(nameof(input.CarvedForCandidateId), "Error_CandidateNotInTeam");
        }

        opportunity.Describe(input.Title, input.Tasks, input.HoursPerWeek, input.HoursNote, input.Place, input.Requirements, input.Industry,
            input.Status, input.CarvedForCandidateId, employerIndustry);
    }

    /// <summary>A refused opportunity rule in words: the feature's own message, or the shared one with the field's label and length.</summary>
    public static string Message(DomainException ex, IStringLocalizer<SharedResource> t, IStringLocalizer<OpportunitiesResource> o)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var own = o[ex.MessageKey];
        if (!own.ResourceNotFound)
        {
            return own.Value;
        }

        var label = t[Labels.GetValueOrDefault(ex.Field, "Field_" + ex.Field)];
        var max = ex.Field is nameof(JobOpportunity.Title) ? JobOpportunity.TitleMaxLength
            : ex.Field is nameof(JobOpportunity.Tasks) or nameof(JobOpportunity.Requirements) ? JobOpportunity.TextMaxLength
            : JobOpportunity.ShortTextMaxLength;
        return t[ex.MessageKey, label, max].Value;
    }

    /// <summary>The team's active candidates for the "carved for" choice, plus the current one if it is no longer active.</summary>
    public static async Task<List<SelectListItem>> CandidateItemsAsync(TrinnDbContext db, ClaimsPrincipal user, int? current, string emptyText)
    {
        var rows = await db.Candidates.AsNoTracking().VisibleTo(user).Where(c => c.DischargedOn == null || c.Id == current)
            .OrderBy(c => c.FirstName).ThenBy(c => c.LastName)
            .Select(c => new { c.Id, Name = c.FirstName + " " + c.LastName })
            .ToListAsync();
        await db.AuditReadAsync(AuditEntities.OpportunityCandidatePicker, rows.Select(c => c.Id).ToList());
        var items = rows.Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        items.Insert(0, new SelectListItem(emptyText, ""));
        return items;
    }
}
