using DurableTask.AzureStorage;
using Google.Protobuf.Collections;

namespace Mnet.Local.Backends;

/// <summary>
/// Lets the Azure Storage provider carry sub-orchestration tags from the gRPC sidecar. The sidecar hands the
/// provider the tags of a new sub-orchestration as a protobuf map (<see cref="MapField{TKey, TValue}"/>); the
/// provider writes queue messages as JSON naming each object's type and reads them back with
/// <see cref="Type.GetType(string)"/>, which cannot find that type, so the child's start message would be refused
/// forever. The map is written under the name of the plain dictionary it is equivalent to (both are JSON objects of
/// strings), so it is read back as that dictionary.
/// </summary>
internal sealed class ProtobufTagsTypeBinder : ICustomTypeBinder
{
    static readonly string PlainTags = typeof(Dictionary<string, string>).FullName!;

    public void BindToName(Type serializedType, out string assemblyName, out string typeName)
    {
        // Otherwise the provider's own default: no assembly name, the full type name.
        assemblyName = null!;
        typeName = serializedType == typeof(MapField<string, string>) ? PlainTags : serializedType.FullName!;
    }

    // Null: the provider resolves every type its own way (no name written here needs help).
    public Type BindToType(string assemblyName, string typeName) => null!;
}
