using System.ComponentModel.DataAnnotations;
using Trinn.Core.Employers;

namespace Trinn.Web.Features.Employers;

/// <summary>The register form, shared by New and Edit.</summary>
public sealed class EmployerInput
{
    [Required(ErrorMessage = "Error_Required")]
    [StringLength(Employer.NameMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_EmployerName")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [StringLength(20, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_OrganizationNumber")]
    public string? OrganizationNumber { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Sector")]
    public EmployerSector? Sector { get; set; }

    [StringLength(Employer.IndustryMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Industry")]
    public string? Industry { get; set; }

    [Display(Name = "Field_EmployerSize")]
    public EmployerSize? Size { get; set; }

    [Display(Name = "Field_IaAgreement")]
    public bool IaAgreement { get; set; }

    [StringLength(Employer.AddressMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Address")]
    public string? Address { get; set; }

    public long Version { get; set; }

    public static EmployerInput From(Employer e) => new()
    {
        Name = e.Name,
        OrganizationNumber = e.OrganizationNumber,
        Sector = e.Sector,
        Industry = e.Industry,
        Size = e.Size,
        IaAgreement = e.IaAgreement,
        Address = e.Address,
        Version = e.Version,
    };

    /// <summary>Copies the form onto the entity; the organisation number rule throws a field error.</summary>
    public void ApplyTo(Employer e)
    {
        e.Rename(Name, OrganizationNumber);
        e.Sector = Sector!.Value;
        e.Industry = TextInput.Blank(Industry);
        e.Size = Size;
        e.IaAgreement = IaAgreement;
        e.Address = TextInput.Blank(Address);
    }
}
