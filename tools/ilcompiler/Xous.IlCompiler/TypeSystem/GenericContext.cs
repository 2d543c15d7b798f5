using System.Collections.Immutable;

namespace Xous.IlCompiler.TypeSystem;

/// <summary>
/// Where a signature or token is decoded: the module whose metadata it belongs to and the type arguments that its
/// <c>!n</c> and <c>!!n</c> stand for. Empty arguments leave the parameters open (<see cref="GenericParameterType"/>).
/// </summary>
/// <param name="Module">The module of the metadata.</param>
/// <param name="TypeArguments">What <c>!n</c> means (the enclosing type's instantiation), or empty.</param>
/// <param name="MethodArguments">What <c>!!n</c> means (the method's instantiation), or empty.</param>
public sealed record GenericContext(ModuleDesc Module, ImmutableArray<TypeDesc> TypeArguments, ImmutableArray<TypeDesc> MethodArguments)
{
    /// <summary>An open context of <paramref name="module"/>: generic parameters stay parameters.</summary>
    public static GenericContext Open(ModuleDesc module) => new(module, [], []);
}
