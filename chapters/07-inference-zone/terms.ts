/** The terms chapter 7's equations, code and views name (keys of \term{key}{...}). */
import type { TermCatalog } from '../../src/notebook/index.ts';

export const TERMS: TermCatalog = {
  X: { label: 'X, the input grid' },
  HM: { label: 'H^M, the last hidden layer of the feature extraction zone' },
  Vec: { label: 'Vec(H^M), the last hidden layer laid out as one vector: FC_0' },
  FC: { label: 'FC_f, fully connected layer f' },
  FCprev: { label: 'FC_(f-1), the layer that fully connected layer f multiplies' },
  WFC: { label: 'W_FC_f, the weight matrix of layer f, n_FC(f) rows by n_FC(f-1) columns' },
  bf: { label: 'b_f, the bias vector of layer f' },
  g: { label: 'g, the activation function' },
  s: { label: 's_k, the score of class k in the last layer FC_F' },
  phat: { label: 'p-hat(k), the probability of class k from the softmax' },
  FCF: { label: 'FC_F, the last hidden fully connected layer, input of the regression head' },
  WFCout: { label: 'W_FC_(F+1), the weight matrix of the regression head, P rows by n_FC(F) columns' },
  bout: { label: 'b_(F+1), the bias vector of the regression head' },
  FCout: { label: 'FC_(F+1), the P continuous outputs of the regression head' },
};
