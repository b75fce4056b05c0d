/**
 * Colour tables, 65 evenly spaced sRGB stops each (hex, 6 characters a stop),
 * sampled once from their published definitions so the core needs no library.
 *
 * - viridis: van der Walt & Smith (matplotlib, CC0), perceptually uniform and
 *   readable with the common colour-vision deficiencies and in greyscale.
 * - cividis: Nuñez, Anderton & Renslow (2018), optimised so readers with
 *   deuteranopia see the same map as everyone else (d3-scale-chromatic's fit).
 * - diverging: blue - near-white - orange, interpolated in CIELAB through
 *   lab(36 6 -52), lab(66 -6 -34), lab(96 0 0), lab(70 26 48), lab(44 38 52).
 *   Blue and orange stay distinct for deuteranopes and protanopes (unlike red
 *   and green), and both arms darken at the same rate, so |value| reads as
 *   lightness whatever the sign.
 */
export const VIRIDIS_HEX =
  '44015446075a470d6047136548186a481d6f482374482878472d7b46327e453781443b844240864045883e49893d4e8a3b528b39568c375b8d355f8d33638d31678e2f6b8e2e6f8e2c728e2a768e297a8e277e8e26828e25858e23898e228d8d21918c1f948c1f988b1e9c891fa08820a38622a78525ab8228ae802db27d32b67a38b9773fbc7346c06f4ec36b56c6675ec96267cc5c70cf577ad15184d44b8ed64598d83ea2da37addc30b8de29c2df23cde11dd8e219e2e418ece51bf6e620fde725';

export const CIVIDIS_HEX =
  '00205100235800265d002961012b65042e670831690d346b11366c16396d1c3c6e213f6e26426e2c456e31476e374a6e3c4d6e42506e47536d4c566d51586e555b6e5a5e6e5e616e62646f66676f6a6a706e6d717270717573727976737c79747f7c75827f758682768985778c8877908b78938e789691789a94789e9778a19b78a59e77a9a177aea575b2a874b6ab73bbaf71c0b26fc5b66dc9b96acebd68d3c065d8c462ddc85fe2cb5ce7cf58ebd355f0d652f3da4ff7de4cfae249fce647fdea45';

export const DIVERGING_HEX =
  '1055a91c5aac255eb02c63b33368b6396db93f72bd4577c04a7cc35081c65586ca5a8bcd5f90d06496d3699bd76ea0da72a6dd7caadf85afe08db4e296b8e39ebde4a6c2e6aec7e7b6cce9bed1eac6d6ebcddaedd5dfeedde4f0e4e9f1eceef2f3f3f3f4eee9f4e8dff4e2d5f4dccaf4d6c0f4d1b6f3cbacf2c5a2f1c098f0ba8eefb485eeae7beca971eba367e99d5de79853e3934fdf8e4adc8946d88442d47f3dd07a39cd7634c97130c56c2bc16727bd6222b95d1eb55919b15414ae4f0eaa4a08';
